// The --help text.
import { TOOL_NAME } from './package-info.js';

export const HELP = `Usage: ${TOOL_NAME} [options] [files|dirs|globs...]
       ${TOOL_NAME} facts collect|import ...   (host facts for keepalived-lint.yaml; see facts --help)

Checks keepalived.conf files (stock keepalived 2.x and the DPVS dialect), and the files
they include. Directories (default: .) are searched for keepalived.conf, *.keepalived.conf
and *.conf files under directories named keepalived or keepalived.d, or under a conf.d
next to a keepalived.conf. A named file is checked together with the configs that may
include it (conf.d/vi_1.conf with ../keepalived.conf, say): those in its directory and up
to 3 above, and those of its keepalived-lint.yaml (configs: and every config below it),
all within the lint root. Only problems in the named files and what they include are shown.

Output:
  -f, --format NAME           stylish (default), json, sarif, gnu or checkstyle
  -o, --output-file PATH      write the report to PATH instead of stdout
  -q, --quiet                 report errors only (warnings and infos are not counted either)
      --no-color              no colours (also when NO_COLOR is set or output is not a terminal)
      --max-problems N        show at most N problems per file and count the rest in one line
                              (default 1000, 0 for no limit; the exit status counts them all)

Fixing:
      --fix                   apply safe fixes and rewrite the files (never a file with syntax errors)
      --fix-dry-run           compute fixes without writing; --format json shows the fixed text

Input:
      --stdin, -              lint the text on stdin
      --stdin-filename NAME   path the stdin text stands for (default keepalived.conf);
                              it decides the workspace file and where includes are read from
      --skip-non-keepalived   ignore named files the directory search would not take for
                              keepalived configs (nginx/conf.d/*.conf, say); for commit hooks

Checks:
      --dialect NAME          keepalived or dpvs
      --keepalived-version V  keepalived version to check against, e.g. 2.2.7 (a host's
                              keepalived_version in keepalived-lint.yaml wins for its configs)
      --rule ID=SEVERITY      set a rule to error, warning, info, hint or off (repeatable)
      --config-id ID          check @ID lines for this config id (repeatable; default: every id used)
      --no-inline-config      ignore '# keepalived-lint ...' comments
      --include-outside-root  read files outside the lint root (the root keepalived-lint.yaml's
                              directory, else the current or the named one); refused by default

Cache:
      --cache                 keep the report in .keepalived-lint-cache in the lint root and print it
                              again while no file the run read (configs, includes, workspace files),
                              no include glob or directory search and no option changed; not with
                              --fix, --fix-dry-run or --stdin

Workspace file:
  -c, --config PATH           use this keepalived-lint.yaml
      --no-config             do not look for keepalived-lint.yaml
                              (by default the nearest one in a parent directory of each file)

Exit status:
      --fail-on LEVEL         lowest severity that fails the run: error (default), warning, info or hint
      --max-warnings N        also fail when there are more than N warnings

  -h, --help                  show this help
  -v, --version               show the version

Settings apply in this order, later ones winning: defaults, keepalived-lint.yaml, options.

Exit codes:
  0  no problem at or above the --fail-on level, and no more warnings than --max-warnings
  1  problems at or above the --fail-on level, or too many warnings
  2  usage error, missing or unreadable input file, unreadable or unparsable workspace
     file, a file that --fix could not write, or an internal error
  141  the reader closed the output early (as a command killed by SIGPIPE)
`;
