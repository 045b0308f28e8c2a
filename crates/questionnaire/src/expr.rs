//! The XPath subset XLSForm uses in `relevant` and `constraint`: comparisons, `and`, `or`,
//! `not()`, `selected()`, `count-selected()`, `string-length()`, `.`, `${name}`, arithmetic
//! (`+ - * div mod`), numbers, strings, `true()`, `false()`, `number()` and `if()`. Expressions
//! are parsed once and evaluated on the server, so whether an answer is required or valid never
//! depends on the respondent's browser. Values follow XPath 1.0: an unanswered question is the
//! empty string, a multiple choice is its codes separated by spaces.

use std::fmt;

/// How a bare column name reaches the lookup of [`Expr::evaluate`]: `@county` asks for the
/// `county` column of the choice being filtered. No question name starts with `@`.
pub const COLUMN: &str = "@";

/// A parsed expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// A number literal.
    Number(f64),
    /// A quoted string.
    Text(String),
    /// `.`: the value of the question the expression belongs to.
    Current,
    /// `${name}`: another question's value.
    Reference(String),
    /// A bare name in a `choice_filter`: a column of the choice being tested.
    Column(String),
    /// `-x`.
    Negate(Box<Expr>),
    /// `a op b`.
    Binary(Box<Expr>, Op, Box<Expr>),
    /// A function call, as `selected(${x}, 'a')`.
    Call(Function, Vec<Expr>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
/// A binary operator of XPath 1.0 as XLSForm uses it.
pub enum Op {
    /// `or`
    Or,
    /// `and`
    And,
    /// `=`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `div`
    Div,
    /// `mod`
    Mod,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
/// The functions XLSForm expressions may call here.
pub enum Function {
    /// `not(x)`
    Not,
    /// `selected(${q}, 'code')`: whether a multiple choice includes a code.
    Selected,
    /// `count-selected(${q})`
    CountSelected,
    /// `string-length(x)`
    StringLength,
    /// `true()`
    True,
    /// `false()`
    False,
    /// `number(x)`
    Number,
    /// `if(condition, then, else)`
    If,
}

impl Function {
    fn parse(name: &str) -> Option<(Function, usize)> {
        Some(match name {
            "not" => (Function::Not, 1),
            "selected" => (Function::Selected, 2),
            "count-selected" => (Function::CountSelected, 1),
            "string-length" => (Function::StringLength, 1),
            "true" => (Function::True, 0),
            "false" => (Function::False, 0),
            "number" => (Function::Number, 1),
            "if" => (Function::If, 3),
            _ => return None,
        })
    }
}

/// Why an expression could not be read, with the 1-based character position.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("at character {position}: {message}")]
pub struct SyntaxError {
    /// The character where the problem is, 0-based.
    pub position: usize,
    /// What is wrong.
    pub message: String,
    /// True when the expression is valid XPath but uses a function smartcities does not
    /// evaluate (`regex()`, `today()`…), as opposed to being malformed.
    pub unsupported: bool,
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Number(f64),
    Text(String),
    Reference(String),
    Name(String),
    Dot,
    LParen,
    RParen,
    Comma,
    Op(&'static str),
}

fn tokenize(source: &str) -> Result<Vec<(Token, usize)>, SyntaxError> {
    let chars: Vec<char> = source.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    let error = |position: usize, message: String| SyntaxError {
        position: position + 1,
        message,
        unsupported: false,
    };
    while i < chars.len() {
        let c = chars[i];
        let start = i;
        match c {
            ' ' | '\t' | '\n' | '\r' => {
                i += 1;
                continue;
            }
            '(' => tokens.push((Token::LParen, start)),
            ')' => tokens.push((Token::RParen, start)),
            ',' => tokens.push((Token::Comma, start)),
            '+' | '-' | '*' | '=' => tokens.push((
                Token::Op(match c {
                    '+' => "+",
                    '-' => "-",
                    '*' => "*",
                    _ => "=",
                }),
                start,
            )),
            '!' | '<' | '>' => {
                let followed = chars.get(i + 1) == Some(&'=');
                let op = match (c, followed) {
                    ('!', true) => "!=",
                    ('<', true) => "<=",
                    ('>', true) => ">=",
                    ('<', false) => "<",
                    ('>', false) => ">",
                    _ => return Err(error(start, "`!` must be followed by `=`".into())),
                };
                if followed {
                    i += 1;
                }
                tokens.push((Token::Op(op), start));
            }
            '\'' | '"' => {
                let end = chars[i + 1..].iter().position(|&q| q == c).map(|p| p + i + 1);
                let Some(end) = end else {
                    return Err(error(start, "this string is never closed".into()));
                };
                tokens.push((Token::Text(chars[i + 1..end].iter().collect()), start));
                i = end;
            }
            '$' => {
                if chars.get(i + 1) != Some(&'{') {
                    return Err(error(start, "`$` must start a reference like ${name}".into()));
                }
                let end = chars[i + 2..].iter().position(|&q| q == '}').map(|p| p + i + 2);
                let Some(end) = end else {
                    return Err(error(start, "this ${…} reference is never closed".into()));
                };
                let name: String = chars[i + 2..end].iter().collect();
                if name.is_empty() || !name.chars().all(|c| c.is_alphanumeric() || "_-.".contains(c)) {
                    return Err(error(start, format!("${{{name}}} is not a question name")));
                }
                tokens.push((Token::Reference(name), start));
                i = end;
            }
            '.' if !chars.get(i + 1).is_some_and(char::is_ascii_digit) => tokens.push((Token::Dot, start)),
            c if c.is_ascii_digit() || c == '.' => {
                while i + 1 < chars.len() && (chars[i + 1].is_ascii_digit() || chars[i + 1] == '.') {
                    i += 1;
                }
                let text: String = chars[start..=i].iter().collect();
                let number = text.parse().map_err(|_| error(start, format!("{text} is not a number")))?;
                tokens.push((Token::Number(number), start));
            }
            c if c.is_alphabetic() => {
                while i + 1 < chars.len() && (chars[i + 1].is_alphanumeric() || "-_:".contains(chars[i + 1]))
                {
                    i += 1;
                }
                tokens.push((Token::Name(chars[start..=i].iter().collect()), start));
            }
            other => return Err(error(start, format!("unexpected character {other:?}"))),
        }
        i += 1;
    }
    Ok(tokens)
}

struct Parser {
    tokens: Vec<(Token, usize)>,
    next: usize,
    end: usize,
    /// Bare names are columns of the choices sheet (in a `choice_filter`).
    columns: bool,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.next).map(|(t, _)| t)
    }

    fn position(&self) -> usize {
        self.tokens.get(self.next).map_or(self.end, |(_, p)| *p) + 1
    }

    fn fail<T>(&self, message: impl Into<String>) -> Result<T, SyntaxError> {
        Err(SyntaxError { position: self.position(), message: message.into(), unsupported: false })
    }

    fn binary_op(&self) -> Option<(Op, u8)> {
        let op = match self.peek()? {
            Token::Name(n) if n == "or" => (Op::Or, 1),
            Token::Name(n) if n == "and" => (Op::And, 2),
            Token::Op("=") => (Op::Eq, 3),
            Token::Op("!=") => (Op::Ne, 3),
            Token::Op("<") => (Op::Lt, 4),
            Token::Op("<=") => (Op::Le, 4),
            Token::Op(">") => (Op::Gt, 4),
            Token::Op(">=") => (Op::Ge, 4),
            Token::Op("+") => (Op::Add, 5),
            Token::Op("-") => (Op::Sub, 5),
            Token::Op("*") => (Op::Mul, 6),
            Token::Name(n) if n == "div" => (Op::Div, 6),
            Token::Name(n) if n == "mod" => (Op::Mod, 6),
            _ => return None,
        };
        Some(op)
    }

    /// Precedence climbing; all binary operators are left-associative.
    fn expression(&mut self, min_precedence: u8) -> Result<Expr, SyntaxError> {
        let mut left = self.unary()?;
        while let Some((op, precedence)) = self.binary_op() {
            if precedence < min_precedence {
                break;
            }
            self.next += 1;
            let right = self.expression(precedence + 1)?;
            left = Expr::Binary(Box::new(left), op, Box::new(right));
        }
        Ok(left)
    }

    fn unary(&mut self) -> Result<Expr, SyntaxError> {
        if self.peek() == Some(&Token::Op("-")) {
            self.next += 1;
            return Ok(Expr::Negate(Box::new(self.unary()?)));
        }
        self.primary()
    }

    fn primary(&mut self) -> Result<Expr, SyntaxError> {
        let Some((token, _)) = self.tokens.get(self.next).cloned() else {
            return self.fail("the expression ends too early");
        };
        self.next += 1;
        match token {
            Token::Number(n) => Ok(Expr::Number(n)),
            Token::Text(s) => Ok(Expr::Text(s)),
            Token::Reference(name) => Ok(Expr::Reference(name)),
            Token::Dot => Ok(Expr::Current),
            Token::LParen => {
                let inner = self.expression(0)?;
                if self.peek() != Some(&Token::RParen) {
                    return self.fail("expected `)`");
                }
                self.next += 1;
                Ok(inner)
            }
            Token::Name(name) => {
                self.next -= 1;
                let position = self.position();
                self.next += 1;
                if self.peek() != Some(&Token::LParen) && self.columns {
                    return Ok(Expr::Column(name));
                }
                if self.peek() != Some(&Token::LParen) {
                    return Err(SyntaxError {
                        position,
                        message: format!("unexpected word `{name}`; refer to questions as ${{{name}}}"),
                        unsupported: false,
                    });
                }
                let Some((function, arity)) = Function::parse(&name) else {
                    return Err(SyntaxError {
                        position,
                        message: format!("unsupported function {name}()"),
                        unsupported: true,
                    });
                };
                self.next += 1;
                let mut args = Vec::new();
                if self.peek() != Some(&Token::RParen) {
                    loop {
                        args.push(self.expression(0)?);
                        match self.peek() {
                            Some(Token::Comma) => self.next += 1,
                            Some(Token::RParen) => break,
                            _ => return self.fail(format!("expected `,` or `)` in {name}()")),
                        }
                    }
                }
                self.next += 1;
                if args.len() != arity {
                    return Err(SyntaxError {
                        position,
                        message: format!("{name}() takes {arity} argument(s), not {}", args.len()),
                        unsupported: false,
                    });
                }
                Ok(Expr::Call(function, args))
            }
            Token::RParen | Token::Comma | Token::Op(_) => {
                self.next -= 1;
                self.fail("expected a value, a question reference or a function")
            }
        }
    }
}

impl Expr {
    /// Parses an expression.
    pub fn parse(source: &str) -> Result<Expr, SyntaxError> {
        Expr::parse_with(source, false)
    }

    /// Parses a `choice_filter`, where bare names are columns of the choice being tested.
    pub fn parse_filter(source: &str) -> Result<Expr, SyntaxError> {
        Expr::parse_with(source, true)
    }

    fn parse_with(source: &str, columns: bool) -> Result<Expr, SyntaxError> {
        let tokens = tokenize(source)?;
        let mut parser = Parser { tokens, next: 0, end: source.chars().count(), columns };
        let expr = parser.expression(0)?;
        if parser.next < parser.tokens.len() {
            return parser.fail("unexpected text after the end of the expression");
        }
        Ok(expr)
    }

    /// The questions this expression refers to with `${name}`.
    pub fn references(&self) -> Vec<&str> {
        let mut names = Vec::new();
        self.collect_references(&mut names);
        names
    }

    fn collect_references<'a>(&'a self, names: &mut Vec<&'a str>) {
        match self {
            Expr::Reference(name) => names.push(name),
            Expr::Negate(inner) => inner.collect_references(names),
            Expr::Binary(left, _, right) => {
                left.collect_references(names);
                right.collect_references(names);
            }
            Expr::Call(_, args) => args.iter().for_each(|a| a.collect_references(names)),
            Expr::Number(_) | Expr::Text(_) | Expr::Current | Expr::Column(_) => {}
        }
    }

    /// Evaluates the expression. `answer` gives another question's current value ("" when
    /// unanswered), `current` is the value `.` stands for.
    pub fn evaluate(&self, answer: &dyn Fn(&str) -> String, current: &str) -> Value {
        match self {
            Expr::Number(n) => Value::Number(*n),
            Expr::Text(s) => Value::Text(s.clone()),
            Expr::Current => Value::Text(current.to_string()),
            Expr::Reference(name) => Value::Text(answer(name)),
            Expr::Column(name) => Value::Text(answer(&format!("{COLUMN}{name}"))),
            Expr::Negate(inner) => Value::Number(-inner.evaluate(answer, current).number()),
            Expr::Binary(left, op, right) => {
                let left = left.evaluate(answer, current);
                // `and` and `or` short-circuit, as in XPath.
                match op {
                    Op::Or if left.truthy() => return Value::Bool(true),
                    Op::And if !left.truthy() => return Value::Bool(false),
                    _ => {}
                }
                let right = right.evaluate(answer, current);
                binary(*op, &left, &right)
            }
            Expr::Call(function, args) => {
                let arg = |i: usize| args[i].evaluate(answer, current);
                match function {
                    Function::Not => Value::Bool(!arg(0).truthy()),
                    Function::True => Value::Bool(true),
                    Function::False => Value::Bool(false),
                    Function::Number => Value::Number(arg(0).number()),
                    Function::StringLength => Value::Number(arg(0).text().chars().count() as f64),
                    Function::Selected => {
                        let wanted = arg(1).text();
                        Value::Bool(arg(0).text().split_whitespace().any(|v| v == wanted.trim()))
                    }
                    Function::CountSelected => Value::Number(arg(0).text().split_whitespace().count() as f64),
                    Function::If => {
                        if arg(0).truthy() {
                            arg(1)
                        } else {
                            arg(2)
                        }
                    }
                }
            }
        }
    }

    /// Evaluates to a yes/no verdict, as `relevant` and `constraint` need.
    pub fn holds(&self, answer: &dyn Fn(&str) -> String, current: &str) -> bool {
        self.evaluate(answer, current).truthy()
    }
}

/// An XPath 1.0 value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A number.
    Number(f64),
    /// A string.
    Text(String),
    /// A boolean.
    Bool(bool),
}

impl Value {
    /// The value as XPath's `boolean()` reads it.
    pub fn truthy(&self) -> bool {
        match self {
            Value::Bool(b) => *b,
            Value::Number(n) => *n != 0.0 && !n.is_nan(),
            Value::Text(s) => !s.is_empty(),
        }
    }

    /// The value as XPath's `number()` reads it (NaN when it is not a number).
    pub fn number(&self) -> f64 {
        match self {
            Value::Number(n) => *n,
            Value::Bool(b) => f64::from(u8::from(*b)),
            Value::Text(s) => s.trim().parse().unwrap_or(f64::NAN),
        }
    }

    /// The value as XPath's `string()` reads it.
    pub fn text(&self) -> String {
        match self {
            Value::Text(s) => s.clone(),
            Value::Bool(b) => b.to_string(),
            Value::Number(n) if n.fract() == 0.0 && n.is_finite() => format!("{n:.0}"),
            Value::Number(n) => n.to_string(),
        }
    }
}

fn binary(op: Op, left: &Value, right: &Value) -> Value {
    use Value::{Bool, Number, Text};
    match op {
        Op::Or => Bool(left.truthy() || right.truthy()),
        Op::And => Bool(left.truthy() && right.truthy()),
        Op::Eq | Op::Ne => {
            let equal = match (left, right) {
                (Bool(_), _) | (_, Bool(_)) => left.truthy() == right.truthy(),
                (Number(_), _) | (_, Number(_)) => left.number() == right.number(),
                (Text(a), Text(b)) => a == b,
            };
            Bool(if op == Op::Eq { equal } else { !equal })
        }
        Op::Lt => Bool(left.number() < right.number()),
        Op::Le => Bool(left.number() <= right.number()),
        Op::Gt => Bool(left.number() > right.number()),
        Op::Ge => Bool(left.number() >= right.number()),
        Op::Add => Number(left.number() + right.number()),
        Op::Sub => Number(left.number() - right.number()),
        Op::Mul => Number(left.number() * right.number()),
        Op::Div => Number(left.number() / right.number()),
        Op::Mod => Number(left.number() % right.number()),
    }
}

impl fmt::Display for Op {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Op::Or => "or",
            Op::And => "and",
            Op::Eq => "=",
            Op::Ne => "!=",
            Op::Lt => "<",
            Op::Le => "<=",
            Op::Gt => ">",
            Op::Ge => ">=",
            Op::Add => "+",
            Op::Sub => "-",
            Op::Mul => "*",
            Op::Div => "div",
            Op::Mod => "mod",
        })
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn eval(source: &str, answers: &[(&str, &str)], current: &str) -> Value {
        let answers: HashMap<&str, &str> = answers.iter().copied().collect();
        let lookup = |name: &str| answers.get(name).copied().unwrap_or("").to_string();
        Expr::parse(source).unwrap_or_else(|e| panic!("{source}: {e}")).evaluate(&lookup, current)
    }

    #[test]
    fn skip_logic_of_the_study() {
        let answers = [("has_s3_strategy", "yes"), ("channels", "web app"), ("pilots", "12")];
        assert_eq!(eval("${has_s3_strategy} = 'yes'", &answers, ""), Value::Bool(true));
        assert_eq!(eval("${has_s3_strategy} != 'yes'", &answers, ""), Value::Bool(false));
        assert_eq!(eval("selected(${channels}, 'app')", &answers, ""), Value::Bool(true));
        assert_eq!(eval("selected(${channels}, 'ap')", &answers, ""), Value::Bool(false));
        assert_eq!(eval("count-selected(${channels}) >= 2", &answers, ""), Value::Bool(true));
        assert_eq!(eval("${pilots} > 10 and not(${missing} = 'x')", &answers, ""), Value::Bool(true));
        assert_eq!(eval("${missing} = ''", &answers, ""), Value::Bool(true));
    }

    #[test]
    fn constraints_on_the_current_value() {
        assert!(eval(". >= 0 and . <= 100", &[], "45.5").truthy());
        assert!(!eval(". >= 0 and . <= 100", &[], "101").truthy());
        assert!(!eval(". >= 0", &[], "abc").truthy(), "NaN fails every comparison");
        assert!(eval("string-length(.) <= 5", &[], "Bilbo").truthy());
        assert!(!eval("string-length(.) <= 5", &[], "Bilbao").truthy());
    }

    #[test]
    fn arithmetic_follows_precedence() {
        assert_eq!(eval("1 + 2 * 3", &[], ""), Value::Number(7.0));
        assert_eq!(eval("(1 + 2) * 3", &[], ""), Value::Number(9.0));
        assert_eq!(eval("10 - 4 - 3", &[], ""), Value::Number(3.0));
        assert_eq!(eval("7 mod 3 + 8 div 2", &[], ""), Value::Number(5.0));
        assert_eq!(eval("-${a} * 2", &[("a", "4")], ""), Value::Number(-8.0));
        assert_eq!(eval("1 = 1 or 1 div 0 = 2 and false()", &[], ""), Value::Bool(true));
        assert_eq!(eval("if(${a} > 3, 'big', 'small')", &[("a", "4")], ""), Value::Text("big".into()));
        assert_eq!(eval("${a} = 4", &[("a", "4.0")], ""), Value::Bool(true), "numbers compare as numbers");
    }

    #[test]
    fn references_are_listed() {
        let expr = Expr::parse("selected(${a}, 'x') or ${b} > ${a}").unwrap();
        assert_eq!(expr.references(), ["a", "b", "a"]);
    }

    #[test]
    fn syntax_errors_say_where() {
        let error = |source: &str| Expr::parse(source).unwrap_err();
        assert_eq!(error("${a} = 'yes").position, 8);
        assert_eq!(error("${a} =").message, "the expression ends too early");
        assert_eq!(error("regex(., '[0-9]')").message, "unsupported function regex()");
        assert!(error("regex(., '[0-9]')").unsupported);
        assert!(!error("${a} =").unsupported);
        assert_eq!(error("selected(${a})").message, "selected() takes 2 argument(s), not 1");
        assert_eq!(error("a = 1").message, "unexpected word `a`; refer to questions as ${a}");
        assert_eq!(error("${a} = 1 )").position, 10);
        assert_eq!(error("${} = 1").position, 1);
        assert!(error("1 ! 2").message.contains("`!`"));
    }
}
