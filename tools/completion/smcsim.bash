# SPDX-License-Identifier: MIT
# bash completion for smcsim(1): commands, their options, profile names, function names
# (from `smcsim decode --list`) and files.
_smcsim()
{
	local cur prev words cword
	if declare -F _init_completion >/dev/null 2>&1; then
		_init_completion || return
	else
		cur=${COMP_WORDS[COMP_CWORD]}
		prev=${COMP_WORDS[COMP_CWORD - 1]}
		words=("${COMP_WORDS[@]}")
		cword=$COMP_CWORD
	fi
	local cmds="replay call decode show diff profiles record discover kboot help"
	local i cmd=""
	for ((i = 1; i < cword; i++)); do
		case ${words[i]} in
		--*) ;;
		*)
			cmd=${words[i]}
			break
			;;
		esac
	done
	if [[ -z $cmd ]]; then
		COMPREPLY=($(compgen -W "$cmds --version --help --color=auto --color=always --color=never" -- "$cur"))
		return
	fi
	case $prev in
	--profile | -p)
		COMPREPLY=($(compgen -W "$(smcsim profiles 2>/dev/null | awk '{print $1}')" -- "$cur"))
		COMPREPLY+=($(compgen -f -X '!*.json' -- "$cur"))
		return
		;;
	--format | -f)
		COMPREPLY=($(compgen -W "text json" -- "$cur"))
		return
		;;
	--conduit)
		COMPREPLY=($(compgen -W "smc hvc" -- "$cur"))
		return
		;;
	--kernel-src)
		COMPREPLY=($(compgen -d -- "$cur"))
		return
		;;
	--junit | -o | --record | --fixture)
		COMPREPLY=($(compgen -f -- "$cur"))
		return
		;;
	esac
	local opts=""
	case $cmd in
	replay) opts="--format --junit --quiet --allow-empty --profile --override --help" ;;
	call) opts="--profile --caller --cpu --conduit --help" ;;
	decode) opts="--list --help" ;;
	show | diff) opts="--format --help" ;;
	profiles) opts="--help" ;;
	record) opts="--profile --caller --cpu --conduit -o --help" ;;
	discover) opts="--profile --caller -o --record --format --linux --rmi --rme --pkvm --ffa-legacy --no-ffa --psci-compat --no-psci --mainline --help" ;;
	kboot) opts="--kernel-src --profile --caller --record --fixture --any-order --fallthrough --faults --psci-compat --no-psci --debug --tsm-report --format --rebuild --verbose --help" ;;
	help) opts=$cmds ;;
	esac
	if [[ $cur == -* || $cmd == help ]]; then
		COMPREPLY=($(compgen -W "$opts" -- "$cur"))
	elif [[ $cmd == call || $cmd == decode ]] && [[ $cur == [A-Za-z]* ]]; then
		COMPREPLY=($(compgen -W "$(smcsim decode --list 2>/dev/null | awk '{print $3}')" -- "${cur^^}"))
	else
		COMPREPLY=($(compgen -f -- "$cur"))
	fi
}
complete -F _smcsim smcsim
