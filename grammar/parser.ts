// Chevrotain CstParser over the preprocessed stream: one Line token per logical line (its
// words travel as payload) and braces as tokens of their own (keepalived splits lines at every
// brace outside quotes). The grammar accepts every token sequence, so it never fails;
// unbalanced braces surface as a block without `}` or a stray `}`.
//
// A block's statements and nested blocks land in separate CST child lists; cst-to-ast.ts puts
// them back in source order by token index. A wrapper rule per item would keep the order
// for free but costs a CST node per line, a third of the parser's time on big files.
import { CstParser, type CstNode, type IToken } from 'chevrotain';
import { LBrace, Line, parserTokens, RBrace } from './tokens.js';

export class KeepalivedParser extends CstParser {
  /** Grammar validation is skipped at run time and done by a test (`validate`). */
  constructor(validate = false) {
    super(parserTokens, {
      recoveryEnabled: true,
      nodeLocationTracking: 'none',
      maxLookahead: 1,
      skipValidations: !validate,
    });
    this.performSelfAnalysis();
  }

  /** At the top level a `}` has nothing to close: it is kept as a stray item. */
  document = this.RULE('document', () => {
    this.MANY(() => this.OR([
      { ALT: () => this.SUBRULE(this.statement) },
      { ALT: () => this.SUBRULE(this.block) },
      { ALT: () => this.CONSUME(RBrace) },
    ]));
  });

  statement = this.RULE('statement', () => {
    this.CONSUME(Line);
    this.OPTION(() => this.SUBRULE(this.block));
  });

  block = this.RULE('block', () => {
    this.CONSUME(LBrace);
    this.MANY(() => this.OR([
      { ALT: () => this.SUBRULE(this.statement) },
      { ALT: () => this.SUBRULE(this.block) },
    ]));
    this.OPTION(() => this.CONSUME(RBrace));
  });
}

let parser: KeepalivedParser | undefined;

export function parseTokens(tokens: IToken[]): { cst: CstNode; errors: string[] } {
  parser ??= new KeepalivedParser();
  parser.input = tokens;
  const cst = parser.document();
  return { cst, errors: parser.errors.map((e) => e.message) };
}
