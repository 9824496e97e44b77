# fish completion for secretdesk-cli: commands, options, profiles and secret names (never values).
set -l commands list get set rm rename profiles export run import validate cloud doctor

function __secretdesk_cli_profile
    set -l tokens (commandline -opc)
    set -l i (contains -i -- --profile $tokens)
    and echo --profile $tokens[(math $i + 1)]
end

complete -c secretdesk-cli -f
complete -c secretdesk-cli -n "not __fish_seen_subcommand_from $commands" -a "$commands"
complete -c secretdesk-cli -l profile -x -a "(secretdesk-cli profiles 2>/dev/null)" -d "Use a profile"
complete -c secretdesk-cli -s h -l help -d "Show help"
complete -c secretdesk-cli -s v -l version -d "Show the version"
complete -c secretdesk-cli -n "__fish_seen_subcommand_from get set rm rename validate" -a "(secretdesk-cli (__secretdesk_cli_profile) list --names 2>/dev/null)"
complete -c secretdesk-cli -n "__fish_seen_subcommand_from set" -l stdin -d "Read the value from standard input"
complete -c secretdesk-cli -n "__fish_seen_subcommand_from set" -l from-file -r -F -d "Read the value from a file"
complete -c secretdesk-cli -n "__fish_seen_subcommand_from set" -l type -x -a "string json"
complete -c secretdesk-cli -n "__fish_seen_subcommand_from set" -l target -x -a "context plain both"
complete -c secretdesk-cli -n "__fish_seen_subcommand_from list" -l json -d "Print JSON"
complete -c secretdesk-cli -n "__fish_seen_subcommand_from list" -l names -d "Print names only"
complete -c secretdesk-cli -n "__fish_seen_subcommand_from export" -l format -x -a "posix bash zsh fish powershell cmd dotenv docker-env json github-actions prefect-toml"
complete -c secretdesk-cli -n "__fish_seen_subcommand_from export run" -l style -x -a "context plain"
complete -c secretdesk-cli -n "__fish_seen_subcommand_from cloud" -a "login logout status diff push pull rm-remote"
complete -c secretdesk-cli -n "__fish_seen_subcommand_from doctor" -l repair -d "Fix what is found"
complete -c secretdesk-cli -n "__fish_seen_subcommand_from doctor" -l discard -x -d "Delete an orphan value"
