#include "tests/fuzz/ValidatorFuzzEntry.h"

#include "core/validators/ValidatorRegistry.h"

#include <cstdio>
#include <cstdlib>

namespace secretdesk::fuzz {

namespace {
const ValidatorRegistry &registry()
{
    static const ValidatorRegistry instance;
    return instance;
}

void require(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "validator invariant broken: %s\n", what);
        std::abort();
    }
}

void checkFindings(const Findings &findings, qsizetype size)
{
    for (const Finding &f : findings) {
        require(!f.code().isEmpty(), "a finding without a code");
        require(!f.diagnostic.message.isEmpty(), "a finding without a message");
        require(f.diagnostic.location.line >= 1 && f.diagnostic.location.column >= 1,
                "a finding without a position");
        for (const TextEdit &edit : f.fix.edits)
            require(edit.offset >= 0 && edit.length >= 0 && edit.offset + edit.length <= size,
                    "an edit outside the text");
    }
}
} // namespace

void validateEverything(const std::uint8_t *data, std::size_t size)
{
    if (size > 64 * 1024)
        return;
    const QByteArray text(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const ValidatorRegistry &r = registry();
    (void)r.detectKind(text);
    for (const KindInfo &kind : r.kinds()) {
        // String kinds see only short inputs: they are cheap and fuzzed through JSON members too.
        if (kind.valueType != SecretValue::Type::Json && size > 1024)
            continue;
        const Findings findings = r.validateText(kind.id, text);
        checkFindings(findings, text.size());
        for (const Finding &f : findings) {
            if (f.fix.isAutomatic()) {
                const QByteArray fixed = f.fix.apply(text);
                checkFindings(r.validateText(kind.id, fixed), fixed.size());
            }
        }
    }
}

} // namespace secretdesk::fuzz
