// Chevrotain CstParser over the preprocessed token stream: logical lines of words ended by
// a synthetic EndOfLine token, and braces as tokens of their own (keepalived splits lines at
// every brace outside quotes). The grammar accepts every token sequence, so it never fails;
// unbalanced braces surface as a block without `}` or a stray `}`.
import { CstParser, type CstNode, type IToken } from 'chevrotain';
import { EndOfLine, LBrace, parserTokens, Quoted, RBrace, Word } from './tokens.js';

export class KeepalivedParser extends CstParser {
  /** Grammar validation is skipped at run time and done by a test (`validate`). */
  constructor(validate = false) {
    super(parserTokens, {
      recoveryEnabled: true,
      nodeLocationTracking: 'full',
      maxLookahead: 2,
      skipValidations: !validate,
    });
    this.performSelfAnalysis();
  }

  document = this.RULE('document', () => {
    this.MANY(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.statement) },
        { ALT: () => this.SUBRULE(this.block) },
        { ALT: () => this.CONSUME(RBrace) },
      ]);
    });
  });

  statement = this.RULE('statement', () => {
    this.AT_LEAST_ONE(() => {
      this.OR([
        { ALT: () => this.CONSUME(Word) },
        { ALT: () => this.CONSUME(Quoted) },
      ]);
    });
    this.CONSUME(EndOfLine);
    this.OPTION(() => this.SUBRULE(this.block));
  });

  block = this.RULE('block', () => {
    this.CONSUME(LBrace);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.statement) },
        { ALT: () => this.SUBRULE2(this.block) },
      ]);
    });
    this.OPTION(() => this.CONSUME2(RBrace));
  });
}

let parser: KeepalivedParser | undefined;

export function parseTokens(tokens: IToken[]): { cst: CstNode; errors: string[] } {
  parser ??= new KeepalivedParser();
  parser.input = tokens;
  const cst = parser.document();
  return { cst, errors: parser.errors.map((e) => e.message) };
}
