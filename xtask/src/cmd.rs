//! Running external programs: a small builder around [`std::process::Command`]
//! that echoes what it runs and turns failures into readable errors.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Error type of the whole task runner: a message meant for a person.
pub type Error = String;

/// Result type of the whole task runner.
pub type Result<T = ()> = std::result::Result<T, Error>;

/// A program to run, with its arguments, working directory and extra environment.
#[derive(Debug, Clone)]
pub struct Cmd {
    program: OsString,
    args: Vec<OsString>,
    dir: Option<PathBuf>,
    envs: Vec<(OsString, OsString)>,
}

impl Cmd {
    /// A command running `program` (looked up on `PATH` unless it contains a slash).
    pub fn new(program: impl Into<OsString>) -> Self {
        Self {
            program: program.into(),
            args: Vec::new(),
            dir: None,
            envs: Vec::new(),
        }
    }

    /// Appends one argument.
    pub fn arg(mut self, arg: impl Into<OsString>) -> Self {
        self.args.push(arg.into());
        self
    }

    /// Appends several arguments.
    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<OsString>,
    {
        self.args.extend(args.into_iter().map(Into::into));
        self
    }

    /// Runs the program in `dir` instead of the current directory.
    pub fn dir(mut self, dir: impl AsRef<Path>) -> Self {
        self.dir = Some(dir.as_ref().to_path_buf());
        self
    }

    /// Sets an environment variable for the program.
    pub fn env(mut self, key: impl Into<OsString>, value: impl Into<OsString>) -> Self {
        self.envs.push((key.into(), value.into()));
        self
    }

    /// The command line as a person would type it, for logs and error messages.
    pub fn display(&self) -> String {
        let mut line = String::new();
        for (key, value) in &self.envs {
            line.push_str(&format!(
                "{}={} ",
                key.to_string_lossy(),
                quote(&value.to_string_lossy())
            ));
        }
        line.push_str(&quote(&self.program.to_string_lossy()));
        for arg in &self.args {
            line.push(' ');
            line.push_str(&quote(&arg.to_string_lossy()));
        }
        line
    }

    fn command(&self) -> Command {
        let mut command = Command::new(&self.program);
        command.args(&self.args);
        if let Some(dir) = &self.dir {
            command.current_dir(dir);
        }
        for (key, value) in &self.envs {
            command.env(key, value);
        }
        command
    }

    /// Echoes the command line, runs it with inherited standard streams (no stdin),
    /// and fails unless it exits successfully.
    pub fn run(&self) -> Result {
        println!("$ {}", self.display());
        let status = self
            .command()
            .stdin(Stdio::null())
            .status()
            .map_err(|err| format!("could not start `{}`: {err}", self.display()))?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("`{}` failed ({status})", self.display()))
        }
    }

    /// Like [`Cmd::run`], but keeps stdin attached, for long-running
    /// interactive programs such as a development server.
    pub fn run_interactive(&self) -> Result {
        println!("$ {}", self.display());
        let status = self
            .command()
            .status()
            .map_err(|err| format!("could not start `{}`: {err}", self.display()))?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("`{}` exited with {status}", self.display()))
        }
    }

    /// Runs the program quietly and returns its trimmed standard output, or
    /// `None` if it cannot be started or fails. Used to probe installed tools.
    pub fn probe(&self) -> Option<String> {
        let output = self
            .command()
            .stdin(Stdio::null())
            .stderr(Stdio::null())
            .output()
            .ok()?;
        if !output.status.success() {
            return None;
        }
        Some(String::from_utf8_lossy(&output.stdout).trim().to_string())
    }
}

/// Quotes a word for display if a shell would need it.
fn quote(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./=:,+@%".contains(c));
    if plain {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_quotes_only_when_needed() {
        let cmd = Cmd::new("cargo")
            .args(["fmt", "--all", "--", "--check"])
            .arg("two words")
            .env("CI", "true");
        assert_eq!(
            cmd.display(),
            "CI=true cargo fmt --all -- --check 'two words'"
        );
    }

    #[test]
    fn probe_reports_output_and_failure() {
        assert_eq!(
            Cmd::new("sh").args(["-c", "echo ' hi '"]).probe(),
            Some("hi".to_string())
        );
        assert_eq!(Cmd::new("sh").args(["-c", "exit 3"]).probe(), None);
        assert_eq!(Cmd::new("no-such-program-here").probe(), None);
    }
}
