# bash completion for secretdesk-cli: commands, options, profiles and secret names (never values).
_secretdesk_cli()
{
    local cur prev words cword
    _init_completion || return
    local commands="list get set rm rename profiles export run import validate cloud doctor"
    local global="--profile --help --version"
    local profile="" cmd="" i
    for ((i = 1; i < cword; i++)); do
        case "${words[i]}" in
            --profile) profile="${words[i + 1]}"; ((i++)) ;;
            -*) ;;
            *) [[ -z $cmd ]] && cmd="${words[i]}" ;;
        esac
    done
    local -a pflag=()
    [[ -n $profile ]] && pflag=(--profile "$profile")

    case "$prev" in
        --profile) COMPREPLY=($(compgen -W "$(secretdesk-cli profiles 2>/dev/null)" -- "$cur")); return ;;
        --from-file|--output|--file) _filedir; return ;;
        --type) COMPREPLY=($(compgen -W "string json" -- "$cur")); return ;;
        --target|--style) COMPREPLY=($(compgen -W "context plain both" -- "$cur")); return ;;
        --format) COMPREPLY=($(compgen -W "posix bash zsh fish powershell cmd dotenv docker-env json github-actions prefect-toml" -- "$cur")); return ;;
        --on-conflict) COMPREPLY=($(compgen -W "skip overwrite fail" -- "$cur")); return ;;
        --backend) COMPREPLY=($(compgen -W "prefect1 prefect2" -- "$cur")); return ;;
    esac
    if [[ -z $cmd ]]; then
        COMPREPLY=($(compgen -W "$commands $global" -- "$cur"))
        return
    fi
    if [[ $cur == -* ]]; then
        local opts
        opts=$(secretdesk-cli "$cmd" --help 2>/dev/null | grep -oE -- '--[a-z][a-z-]*' | sort -u)
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
        return
    fi
    case "$cmd" in
        get|set|rm|rename|validate)
            COMPREPLY=($(compgen -W "$(secretdesk-cli "${pflag[@]}" list --names 2>/dev/null)" -- "$cur")) ;;
        cloud)
            COMPREPLY=($(compgen -W "login logout status diff push pull rm-remote" -- "$cur")) ;;
    esac
}
complete -F _secretdesk_cli secretdesk-cli
