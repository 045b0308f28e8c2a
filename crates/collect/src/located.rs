use std::fmt;

/// One problem at a place in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    /// The file's name.
    pub file: String,
    /// 1-based; the header is line 1.
    pub line: u64,
    /// 1-based position of the field in the row.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Located {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: {}", self.file, self.line, self.column, self.message)
    }
}

/// Every problem found in a file, in file order.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Problems(pub Vec<Located>);

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

/// Reads a CSV file's header and rows, knowing which columns are required and which optional.
pub(crate) struct Table<'a> {
    file: &'a str,
    header: Vec<String>,
    records: Vec<csv::StringRecord>,
    pub problems: Vec<Located>,
}

pub(crate) struct Row<'t> {
    table: &'t Table<'t>,
    record: &'t csv::StringRecord,
}

impl<'a> Table<'a> {
    pub fn read(file: &'a str, text: &str, required: &[&str], optional: &[&str]) -> Table<'a> {
        let mut problems = Vec::new();
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
        let header: Vec<String> = match reader.headers() {
            Ok(h) => h.iter().map(|c| c.trim().to_string()).collect(),
            Err(e) => {
                problems.push(Located { file: file.into(), line: 1, column: 1, message: e.to_string() });
                Vec::new()
            }
        };
        for (i, name) in header.iter().enumerate() {
            if !required.contains(&name.as_str()) && !optional.contains(&name.as_str()) {
                let mut known: Vec<&str> = required.iter().chain(optional).copied().collect();
                known.sort_unstable();
                problems.push(Located {
                    file: file.into(),
                    line: 1,
                    column: i + 1,
                    message: format!("unknown column {name:?}; the columns are {}", known.join(", ")),
                });
            }
            if header[..i].contains(name) {
                problems.push(Located {
                    file: file.into(),
                    line: 1,
                    column: i + 1,
                    message: format!("column {name:?} appears twice"),
                });
            }
        }
        for name in required {
            if !header.iter().any(|h| h == name) {
                problems.push(Located {
                    file: file.into(),
                    line: 1,
                    column: header.len() + 1,
                    message: format!("missing required column {name:?}"),
                });
            }
        }
        let mut records = Vec::new();
        for record in reader.records() {
            match record {
                Ok(r) => records.push(r),
                Err(e) => {
                    let line = e.position().map_or(0, |p| p.line());
                    problems.push(Located { file: file.into(), line, column: 1, message: e.to_string() });
                }
            }
        }
        Table { file, header, records, problems }
    }

    /// Whether the header could be used: rows are only read when every required column is there.
    pub fn header_ok(&self) -> bool {
        !self.problems.iter().any(|p| p.line == 1)
    }

    pub fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.records
            .iter()
            .filter(|r| !r.iter().all(|f| f.trim().is_empty()))
            .map(move |record| Row { table: self, record })
    }

    pub fn column_of(&self, name: &str) -> usize {
        self.header.iter().position(|h| h == name).map_or(1, |i| i + 1)
    }

    pub fn problem(&self, line: u64, column: &str, message: impl Into<String>) -> Located {
        Located { file: self.file.into(), line, column: self.column_of(column), message: message.into() }
    }

    pub fn into_result<T>(self, value: T) -> Result<T, Problems> {
        if self.problems.is_empty() {
            Ok(value)
        } else {
            let mut problems = self.problems;
            problems.sort_by_key(|p| (p.line, p.column));
            Err(Problems(problems))
        }
    }
}

impl Row<'_> {
    pub fn line(&self) -> u64 {
        self.record.position().map_or(0, |p| p.line())
    }

    /// The trimmed value of a column, `None` when the column is absent or the cell empty.
    pub fn get(&self, column: &str) -> Option<&str> {
        let index = self.table.header.iter().position(|h| h == column)?;
        self.record.get(index).map(str::trim).filter(|v| !v.is_empty())
    }

    pub fn problem(&self, column: &str, message: impl Into<String>) -> Located {
        self.table.problem(self.line(), column, message)
    }
}
