//! Running a campaign from the command line: `campaign open|invite|remind|deliver|status`.

use anyhow::Result;
use clap::Subcommand;
use smartcities_app::{
    App,
    accounts::console_user,
    campaign::{Dashboard, Round, Showing},
};
use smartcities_domain::{ApproxDate, EditionYear, Participation};

use super::{MailArgs, open, say};

#[derive(Subcommand, Debug)]
/// Campaign commands.
pub enum CampaignCommand {
    /// Open an edition for answers with a deadline (YYYY-MM-DD).
    Open {
        #[arg(long)]
        /// The edition's year.
        edition: u16,
        #[arg(long)]
        /// The last day for answers, YYYY-MM-DD.
        deadline: String,
        #[arg(long, env = "SMARTCITIES_DATABASE_URL")]
        /// The database: sqlite://PATH or postgres://USER@HOST/DATABASE.
        database_url: String,
    },
    /// Invite every current member city (active or asked to renew): accounts for its focal points
    /// and an invitation mail each.
    Invite {
        #[arg(long)]
        /// The edition's year.
        edition: u16,
        /// The address respondents reach the site at, for the links in the mail.
        #[arg(long, env = "SMARTCITIES_PUBLIC_URL", default_value = "http://127.0.0.1:8080")]
        base_url: String,
        #[command(flatten)]
        /// Where the outbox's mail goes.
        mail: MailArgs,
        #[arg(long, env = "SMARTCITIES_DATABASE_URL")]
        /// The database: sqlite://PATH or postgres://USER@HOST/DATABASE.
        database_url: String,
    },
    /// Remind the respondents of every city that has not submitted.
    Remind {
        #[arg(long)]
        /// The edition's year.
        edition: u16,
        /// The address respondents reach the site at, for the links in the mail.
        #[arg(long, env = "SMARTCITIES_PUBLIC_URL", default_value = "http://127.0.0.1:8080")]
        base_url: String,
        #[command(flatten)]
        /// Where the outbox's mail goes.
        mail: MailArgs,
        #[arg(long, env = "SMARTCITIES_DATABASE_URL")]
        /// The database: sqlite://PATH or postgres://USER@HOST/DATABASE.
        database_url: String,
    },
    /// Deliver the mail that is due (failed deliveries are retried later with a growing delay).
    Deliver {
        /// Try every undelivered message now, including those given up on (after fixing the
        /// mail server or an address), instead of waiting for its next attempt.
        #[arg(long)]
        retry_now: bool,
        #[command(flatten)]
        /// Where the outbox's mail goes.
        mail: MailArgs,
        #[arg(long, env = "SMARTCITIES_DATABASE_URL")]
        /// The database: sqlite://PATH or postgres://USER@HOST/DATABASE.
        database_url: String,
    },
    /// Participation: invited, started, submitted, accepted, overall and by UCLG section.
    Status {
        #[arg(long)]
        /// The edition's year.
        edition: u16,
        #[arg(long, env = "SMARTCITIES_DATABASE_URL")]
        /// The database: sqlite://PATH or postgres://USER@HOST/DATABASE.
        database_url: String,
    },
}

/// Delivers the mail that is due and says what happened.
async fn deliver(app: &App, mail: &MailArgs) -> Result<()> {
    let delivery = mail.mailer()?.deliver_due(app).await?;
    let retried =
        if delivery.failed > 0 { format!("; {} will be retried", delivery.failed) } else { String::new() };
    say!("Delivered {} messages to {}{retried}.", delivery.sent, mail.destination());
    Ok(())
}

/// Participation as text: invited / started / submitted / accepted, overall and per section.
pub fn status_text(board: &Dashboard) -> String {
    let line = |label: &str, p: &Participation| {
        let rate = |n: usize| p.rate(n).unwrap_or(0.0);
        format!(
            "{label:<24} {:>8} {:>8} ({:>3.0} %) {:>8} ({:>3.0} %) {:>8} ({:>3.0} %)\n",
            p.invited,
            p.started,
            rate(p.started),
            p.submitted,
            rate(p.submitted),
            p.accepted,
            rate(p.accepted)
        )
    };
    let mut out =
        format!("{:<24} {:>8} {:>16} {:>16} {:>16}\n", "", "invited", "started", "submitted", "accepted");
    out.push_str(&line("all cities", &board.overall));
    for (section, participation) in &board.sections {
        out.push_str(&line(section.slug(), participation));
    }
    let mail = &board.outbox;
    out.push_str(&format!("mail: {} pending, {} sent, {} failed", mail.pending, mail.sent, mail.failed));
    out
}

pub(super) async fn campaign(what: CampaignCommand) -> Result<()> {
    let queued =
        |verb: &str, round: Round| say!("{verb} {} cities: {} messages queued.", round.cities, round.mails);
    match what {
        CampaignCommand::Open { edition, deadline, database_url } => {
            let app = open(&database_url).await?;
            app.open_campaign(EditionYear::new(edition)?, ApproxDate::parse(&deadline)?).await?;
            say!("Edition {edition} is open for answers until {deadline}.");
        }
        CampaignCommand::Invite { edition, base_url, mail, database_url } => {
            let app = open(&database_url).await?.with_public_url(Some(base_url));
            queued("Invited", app.invite(EditionYear::new(edition)?).await?);
            deliver(&app, &mail).await?;
        }
        CampaignCommand::Remind { edition, base_url, mail, database_url } => {
            let app = open(&database_url).await?.with_public_url(Some(base_url));
            queued("Reminded", app.remind(EditionYear::new(edition)?).await?);
            deliver(&app, &mail).await?;
        }
        CampaignCommand::Deliver { retry_now, mail, database_url } => {
            let app = open(&database_url).await?;
            if retry_now {
                say!("{} undelivered messages are due now.", app.retry_mail_now().await?);
            }
            deliver(&app, &mail).await?;
        }
        CampaignCommand::Status { edition, database_url } => {
            let app = open(&database_url).await?;
            let board =
                app.campaign_dashboard(&console_user(), EditionYear::new(edition)?, Showing::All).await?;
            say!("{}", status_text(&board));
        }
    }
    Ok(())
}
