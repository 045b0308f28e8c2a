//! Delivering the outbox: over SMTP when a server is configured, otherwise as `.eml` files in a
//! folder that any mail program or relay can pick up. A message is only marked sent once the
//! server (or the file system) has taken it; a failure leaves it pending for a later attempt.

use std::{path::PathBuf, time::Duration};

use lettre::{
    AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
    message::{
        Body, Mailbox,
        header::{ContentTransferEncoding, ContentType},
    },
};
use smartcities_store::Mail;

/// How long one server's claim on a message keeps other servers from sending it too.
const CLAIM_SECONDS: i64 = 600;

/// Where mail goes.
#[derive(Clone)]
pub enum Transport {
    /// `.eml` files in this folder.
    Folder(PathBuf),
    /// An SMTP server.
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
}

/// The outbox's delivery settings.
#[derive(Clone)]
pub struct Mailer {
    transport: Transport,
    from: Mailbox,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.transport {
            Transport::Folder(folder) => write!(f, "mail to folder {}", folder.display()),
            Transport::Smtp(_) => write!(f, "mail over SMTP"),
        }
    }
}

/// The sender used when none is configured.
pub const DEFAULT_FROM: &str = "Smart Cities Study <noreply@smartcities.invalid>";

impl Mailer {
    /// Mail written as `.eml` files into `folder`.
    pub fn folder(folder: impl Into<PathBuf>, from: &str) -> Result<Mailer, String> {
        Ok(Mailer { transport: Transport::Folder(folder.into()), from: parse_from(from)? })
    }

    /// Mail sent through the SMTP server an URL names, as lettre reads it:
    /// `smtp://host:25` (plain, for a local relay), `smtp://user:pass@host:587?tls=required`
    /// (STARTTLS) or `smtps://user:pass@host` (TLS from the start). Certificates are checked
    /// against the Mozilla roots compiled into the binary.
    pub fn smtp(url: &str, from: &str) -> Result<Mailer, String> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| format!("SMTP URL {url:?}: {e}"))?
            .timeout(Some(Duration::from_secs(30)))
            .build();
        Ok(Mailer { transport: Transport::Smtp(transport), from: parse_from(from)? })
    }

    /// Sends one message. An error is permanent (`true`) when trying again cannot help: an
    /// address that does not parse, a body that cannot be encoded, a server's 5xx answer.
    async fn send(&self, mail: &Mail) -> Result<(), (bool, String)> {
        let recipient: Mailbox = mail
            .recipient
            .parse()
            .map_err(|e| (true, format!("recipient {:?}: {e}", shortened(&mail.recipient, 80))))?;
        self.send_to(mail, recipient).await
    }

    async fn send_to(&self, mail: &Mail, recipient: Mailbox) -> Result<(), (bool, String)> {
        let message = Message::builder()
            .from(self.from.clone())
            .to(recipient)
            .subject(mail.subject.clone())
            .message_id(Some(format!("<{}@smartcities>", mail.id)))
            .header(ContentType::TEXT_PLAIN)
            // Quoted-printable keeps the text readable in a .eml file and safe for any server.
            .body(
                Body::new_with_encoding(mail.body.clone(), ContentTransferEncoding::QuotedPrintable)
                    .map_err(|_| (true, "the body cannot be encoded".to_string()))?,
            )
            .map_err(|e| (true, e.to_string()))?;
        match &self.transport {
            Transport::Folder(folder) => std::fs::create_dir_all(folder)
                .and_then(|()| std::fs::write(folder.join(format!("{}.eml", mail.id)), message.formatted()))
                .map_err(|e| (false, format!("{}: {e}", folder.display()))),
            Transport::Smtp(smtp) => {
                smtp.send(message).await.map(|_| ()).map_err(|e| (e.is_permanent(), e.to_string()))
            }
        }
    }

    /// Delivers every message that is due. Each is claimed first, so servers sharing one
    /// database never send the same message twice.
    pub async fn deliver_due(&self, app: &crate::App) -> smartcities_store::Result<Delivery> {
        let store = &app.store;
        let mut delivery = Delivery::default();
        for mail in store.outbox().due_mail(1_000).await? {
            if !store.outbox().claim_mail(&mail.id, CLAIM_SECONDS).await? {
                continue;
            }
            match self.send(&mail).await {
                Ok(()) => {
                    store.outbox().mark_mail_sent(&mail.id).await?;
                    delivery.sent += 1;
                }
                Err((permanent, error)) => {
                    let error = shortened(&error, 300);
                    if permanent {
                        tracing::warn!(mail = %mail.id, %error, "mail cannot be delivered; given up");
                    } else {
                        tracing::warn!(mail = %mail.id, %error, "mail delivery failed; will retry");
                    }
                    store.outbox().mark_mail_failed(&mail, &error, permanent).await?;
                    delivery.failed += 1;
                }
            }
        }
        Ok(delivery)
    }

    /// Delivers due mail every `every` until the process ends.
    pub async fn run(self, app: crate::App, every: Duration) {
        let mut ticks = tokio::time::interval(every);
        loop {
            ticks.tick().await;
            if let Err(e) = self.deliver_due(&app).await {
                tracing::error!(error = %e, "mail delivery round failed");
            }
        }
    }
}

/// At most `max` characters of `text`, with an ellipsis when cut: what logs and the outbox keep
/// of an error, however long the address that caused it.
fn shortened(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

fn parse_from(from: &str) -> Result<Mailbox, String> {
    from.parse().map_err(|e| format!("sender {from:?}: {e}"))
}

/// What one delivery round did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Delivery {
    /// Messages delivered.
    pub sent: usize,
    /// Deliveries that failed and will be retried later (or given up after the last attempt).
    pub failed: usize,
}
