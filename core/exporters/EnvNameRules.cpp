#include "core/exporters/EnvNameRules.h"

#include <QSet>

#include <cstring>

namespace secretdesk {

namespace {

bool startsWithAny(const QString &name, std::initializer_list<const char *> prefixes)
{
    for (const char *prefix : prefixes) {
        if (name.startsWith(QLatin1String(prefix)))
            return true;
    }
    return false;
}

} // namespace

bool EnvNameRules::isPortableName(const QString &name)
{
    if (name.isEmpty())
        return false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char16_t c = name.at(i).unicode();
        const bool letter = (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || c == u'_';
        const bool digit = c >= u'0' && c <= u'9';
        if (!letter && !(digit && i > 0))
            return false;
    }
    return true;
}

bool EnvNameRules::isPosixShellReserved(const QString &name)
{
    // bash: read-only or dynamic variables whose exported value is not what was assigned.
    // zsh: the same kind, plus lower-case parameters tied to arrays or special hashes.
    // dash: the few it maintains itself.
    static const QSet<QString> reserved = {
        QStringLiteral("_"),
        QStringLiteral("BASHOPTS"),
        QStringLiteral("BASHPID"),
        QStringLiteral("DIRSTACK"),
        QStringLiteral("EPOCHREALTIME"),
        QStringLiteral("EPOCHSECONDS"),
        QStringLiteral("EUID"),
        QStringLiteral("FUNCNAME"),
        QStringLiteral("GROUPS"),
        QStringLiteral("HISTCMD"),
        QStringLiteral("LINENO"),
        QStringLiteral("OPTIND"),
        QStringLiteral("OPTARG"),
        QStringLiteral("PIPESTATUS"),
        QStringLiteral("PPID"),
        QStringLiteral("RANDOM"),
        QStringLiteral("SECONDS"),
        QStringLiteral("SHELLOPTS"),
        QStringLiteral("SRANDOM"),
        QStringLiteral("UID"),
        QStringLiteral("GID"),
        QStringLiteral("EGID"),
        QStringLiteral("USERNAME"),
        QStringLiteral("ERRNO"),
        QStringLiteral("TTYIDLE"),
        QStringLiteral("ARGC"),
        QStringLiteral("IFS"),
        QStringLiteral("argv"),
        QStringLiteral("status"),
        QStringLiteral("pipestatus"),
        QStringLiteral("path"),
        QStringLiteral("cdpath"),
        QStringLiteral("fpath"),
        QStringLiteral("manpath"),
        QStringLiteral("mailpath"),
        QStringLiteral("module_path"),
        QStringLiteral("psvar"),
        QStringLiteral("watch"),
        QStringLiteral("fignore"),
        QStringLiteral("histchars"),
        QStringLiteral("HISTCHARS"),
        QStringLiteral("signals"),
        QStringLiteral("options"),
        QStringLiteral("parameters"),
        QStringLiteral("commands"),
        QStringLiteral("functions"),
        QStringLiteral("aliases"),
        QStringLiteral("builtins"),
        QStringLiteral("history"),
        QStringLiteral("historywords"),
        QStringLiteral("jobstates"),
        QStringLiteral("jobtexts"),
        QStringLiteral("jobdirs"),
        QStringLiteral("modules"),
        QStringLiteral("nameddirs"),
        QStringLiteral("userdirs"),
        QStringLiteral("usergroups"),
        QStringLiteral("reswords"),
        QStringLiteral("patchars"),
        QStringLiteral("funcstack"),
        QStringLiteral("funcfiletrace"),
        QStringLiteral("funcsourcetrace"),
        QStringLiteral("functrace"),
        QStringLiteral("dirstack"),
        QStringLiteral("termcap"),
        QStringLiteral("terminfo"),
        QStringLiteral("mapfile"),
        QStringLiteral("sysparams"),
        QStringLiteral("zsh_eval_context"),
        QStringLiteral("keymaps"),
        QStringLiteral("widgets"),
        QStringLiteral("errnos"),
    };
    return reserved.contains(name) || startsWithAny(name, {"BASH", "COMP_", "ZSH_", "TRY_BLOCK_", "dis_"});
}

bool EnvNameRules::isFishReserved(const QString &name)
{
    static const QSet<QString> reserved = {
        QStringLiteral("_"),
        QStringLiteral("argv"),
        QStringLiteral("status"),
        QStringLiteral("pipestatus"),
        QStringLiteral("version"),
        QStringLiteral("FISH_VERSION"),
        QStringLiteral("hostname"),
        QStringLiteral("history"),
        QStringLiteral("PWD"),
        QStringLiteral("SHLVL"),
        QStringLiteral("umask"),
        QStringLiteral("status_generation"),
        QStringLiteral("CMD_DURATION"),
        QStringLiteral("COLUMNS"),
        QStringLiteral("LINES"),
        QStringLiteral("last_pid"),
        QStringLiteral("EUID"),
    };
    return reserved.contains(name) || startsWithAny(name, {"fish_", "__fish", "FISH_"});
}

bool EnvNameRules::isValidUtf8(const QByteArray &bytes)
{
    // A direct scan (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF); decoding
    // into a QString only to look at the error flag costs several times more.
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData());
    const unsigned char *const end = p + bytes.size();
    while (p < end) {
        // ASCII runs, eight bytes at a time.
        quint64 word = 0;
        while (end - p >= 8 && (std::memcpy(&word, p, 8), (word & 0x8080808080808080ULL) == 0))
            p += 8;
        if (p == end)
            break;
        const unsigned char lead = *p;
        if (lead < 0x80) {
            ++p;
            continue;
        }
        int length = 0;
        unsigned char low = 0x80;
        unsigned char high = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            low = lead == 0xE0 ? 0xA0 : 0x80;
            high = lead == 0xED ? 0x9F : 0xBF;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            low = lead == 0xF0 ? 0x90 : 0x80;
            high = lead == 0xF4 ? 0x8F : 0xBF;
        } else {
            return false;
        }
        if (end - p < length || p[1] < low || p[1] > high)
            return false;
        for (int i = 2; i < length; ++i) {
            if (p[i] < 0x80 || p[i] > 0xBF)
                return false;
        }
        p += length;
    }
    return true;
}

} // namespace secretdesk
