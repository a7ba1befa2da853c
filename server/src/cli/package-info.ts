// Name, version and links of the package; esbuild inlines the fields read from package.json.
import { repository, version } from '../../../package.json';

export const TOOL_NAME = 'keepalived-lint';
export const TOOL_VERSION: string = version;

/** The project's home page: the repository URL without `git+` and `.git`. */
export const INFORMATION_URI: string = repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

export const ruleDocUri = (id: string): string => `${INFORMATION_URI}/blob/main/docs/rules/${id}.md`;
