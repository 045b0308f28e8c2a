//! Accounts: one-time links (invitations and password resets), sign-in with a throttle on
//! failures, password changes, sessions. Secrets are 128-bit random tokens of which the database
//! keeps only the SHA-256; passwords are argon2id hashes under a policy after NIST SP 800-63B.

use std::net::IpAddr;

use argon2::{
    Argon2,
    password_hash::{PasswordHasher, PasswordVerifier, phc::PasswordHash},
};
use sha2::{Digest, Sha256};
use smartcities_domain::{Email, Lang};
use smartcities_locale::{FluentValue, t, translate};
use smartcities_store::{LinkPurpose, SessionUser, User};

use crate::{App, AppError, Refusal, Result, error::PasswordProblem};

/// Sessions last two weeks.
pub const SESSION_SECONDS: i64 = 14 * 24 * 3600;
/// Invitation links work for 30 days, until used, or until a newer link is sent.
pub const INVITATION_SECONDS: i64 = 30 * 24 * 3600;
/// Password-reset links work for an hour.
pub const RESET_SECONDS: i64 = 3600;
/// Password length in characters, as NIST SP 800-63B advises (at least 8; we ask 10).
pub const MIN_PASSWORD_CHARS: usize = 10;
/// The longest password accepted, in characters.
pub const MAX_PASSWORD_CHARS: usize = 128;

/// Failed sign-ins allowed in [`THROTTLE_WINDOW_SECONDS`], per account and per client address.
const FAILURES_PER_ACCOUNT: i64 = 5;
const FAILURES_PER_ADDRESS: i64 = 50;
const THROTTLE_WINDOW_SECONDS: i64 = 15 * 60;

/// A new random token: 128 bits as 32 hexadecimal characters.
pub fn new_token() -> String {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).expect("the operating system provides randomness");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// What the database keeps of a token.
pub fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// An argon2id hash of a password, with its own salt.
pub fn hash_password(password: &str) -> String {
    Argon2::default().hash_password(password.as_bytes()).expect("argon2 hashes any password").to_string()
}

/// Whether `password` matches `hash`.
pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .is_ok_and(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
}

/// A hash of no one's password, checked when the account is unknown so that a sign-in takes
/// the same time whether or not the address has an account.
fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| hash_password(&new_token()))
}

/// The most common passwords' stems, from the head of SecLists' list of the 10,000 most common
/// passwords (MIT licence): a password that is one of these with digits or symbols around it
/// (`dragon2024!`, `Password123`) is refused.
const COMMON_STEMS: &[&str] = &[
    "password",
    "passw0rd",
    "qwerty",
    "qwertyuiop",
    "asdfgh",
    "asdfghjkl",
    "zxcvbn",
    "zxcvbnm",
    "azerty",
    "dragon",
    "baseball",
    "football",
    "soccer",
    "hockey",
    "basketball",
    "letmein",
    "monkey",
    "mustang",
    "michael",
    "shadow",
    "master",
    "jennifer",
    "jordan",
    "superman",
    "batman",
    "harley",
    "hunter",
    "trustno",
    "ranger",
    "buster",
    "thomas",
    "tigger",
    "robert",
    "killer",
    "george",
    "charlie",
    "andrew",
    "michelle",
    "love",
    "iloveyou",
    "sunshine",
    "jessica",
    "pepper",
    "daniel",
    "access",
    "joshua",
    "maggie",
    "starwars",
    "silver",
    "william",
    "dallas",
    "yankees",
    "ashley",
    "hello",
    "amanda",
    "orange",
    "freedom",
    "computer",
    "thunder",
    "nicole",
    "ginger",
    "heather",
    "hammer",
    "summer",
    "corvette",
    "taylor",
    "austin",
    "merlin",
    "matthew",
    "cheese",
    "princess",
    "martin",
    "chelsea",
    "patrick",
    "richard",
    "diamond",
    "yellow",
    "secret",
    "welcome",
    "admin",
    "administrator",
    "login",
    "changeme",
    "default",
    "whatever",
    "internet",
    "cookie",
    "chocolate",
    "liverpool",
    "arsenal",
    "barcelona",
    "manchester",
    "pokemon",
    "naruto",
    "samsung",
    "google",
    "facebook",
    "microsoft",
    "windows",
    "apple",
    "abc",
    "abcdef",
    "abcdefgh",
    "test",
    "testing",
    "guest",
    "user",
    "root",
    "toor",
    "pass",
    "temp",
    "letmein",
    "blink",
    "matrix",
    "phoenix",
    "purple",
    "scooter",
    "ferrari",
    "mercedes",
    "porsche",
    "money",
    "bailey",
    "cowboy",
    "eagles",
    "player",
    "wizard",
    "angel",
    "rainbow",
    "flower",
    "forever",
    "lovely",
    "family",
    "friends",
    "spiderman",
    "trinity",
    "zaq",
    "qazwsx",
    "contraseña",
    "contrasena",
    "motdepasse",
    "bonjour",
    "soleil",
    "hola",
    "amor",
    "tequiero",
    "futbol",
    "ciudad",
    "ville",
    "city",
    "smartcity",
    "smartcities",
    "uclg",
    "cglu",
];

/// Checks a new password against the policy: 10 to 128 characters, no control characters, not
/// common, not a run or a repetition, not made of the account's own name, address or city.
pub fn check_password(password: &str, context: &[&str]) -> std::result::Result<(), PasswordProblem> {
    let length = password.chars().count();
    if length < MIN_PASSWORD_CHARS {
        return Err(PasswordProblem::TooShort { min: MIN_PASSWORD_CHARS });
    }
    if length > MAX_PASSWORD_CHARS {
        return Err(PasswordProblem::TooLong { max: MAX_PASSWORD_CHARS });
    }
    if password.chars().any(char::is_control) {
        return Err(PasswordProblem::ControlCharacter);
    }
    if is_repetitive(password) {
        return Err(PasswordProblem::Repetitive);
    }
    let lower = password.to_lowercase();
    // The stem: the password without the digits, spaces and symbols around its letters.
    let stem = lower.trim_matches(|c: char| !c.is_alphabetic());
    let stem_no_spaces: String = stem.chars().filter(|c| !c.is_whitespace()).collect();
    let is_common = |word: &str| COMMON_STEMS.contains(&word);
    if is_common(stem) || is_common(&stem_no_spaces) {
        return Err(PasswordProblem::TooCommon);
    }
    for word in context.iter().flat_map(|c| c.split(|ch: char| !ch.is_alphanumeric())) {
        let word = word.to_lowercase();
        if word.chars().count() >= 4 && (stem == word || stem_no_spaces == word) {
            return Err(PasswordProblem::TooCommon);
        }
    }
    Ok(())
}

/// One character repeated, a short group repeated (`abcabcabcabc`), or a run of consecutive
/// characters (`1234567890`, `abcdefghij`, `9876543210`).
fn is_repetitive(password: &str) -> bool {
    let chars: Vec<char> = password.to_lowercase().chars().collect();
    let n = chars.len();
    for unit in 1..=n / 2 {
        if n.is_multiple_of(unit) && chars.chunks(unit).all(|c| c == &chars[..unit]) {
            return true;
        }
    }
    // Digits run round the keyboard's row: 7890123 is a run too.
    let digits = chars.iter().all(char::is_ascii_digit);
    let steps: Vec<i64> = chars
        .windows(2)
        .map(|w| {
            let step = w[1] as i64 - w[0] as i64;
            if digits { step.rem_euclid(10) } else { step }
        })
        .collect();
    let up = |s: &i64| *s == 1;
    let down = |s: &i64| if digits { *s == 9 } else { *s == -1 };
    steps.iter().all(up) || steps.iter().all(down)
}

/// The person at the command line: commands act with the secretariat's rights, and what they
/// change is recorded as changed at the console.
pub fn console_user() -> User {
    User {
        id: "console".into(),
        email: Email::parse("console@smartcities.invalid").expect("a valid address"),
        name: "console".into(),
        role: smartcities_domain::Role::Secretariat,
        city: None,
        password_hash: None,
        disabled: false,
        lang: None,
    }
}

/// A new session: the token for the cookie (only its hash is stored) and whose it is.
#[derive(Debug, Clone)]
pub struct NewSession {
    /// The token for the session cookie.
    pub token: String,
    /// The account signed in.
    pub user: User,
}

/// How many password-reset mails one account is sent in an hour at most.
pub const RESETS_PER_HOUR: i64 = 3;

/// Who is signing in, for the throttle: the client's address as the server sees it (or as the
/// trusted proxy forwarded it).
#[derive(Debug, Clone, Copy, Default)]
pub struct Client {
    /// The client's IP address, when known.
    pub address: Option<IpAddr>,
}

impl Client {
    /// A stable stand-in for the client's address that does not reveal it: what limits per
    /// client store. Clients whose address is unknown share one.
    pub fn fingerprint(&self) -> String {
        let address = self.address.map_or_else(|| "unknown".to_string(), |a| a.to_string());
        token_hash(&format!("client:{address}"))
    }
}

impl App {
    /// The user of a live session token.
    pub async fn session(&self, token: &str) -> Result<Option<SessionUser>> {
        Ok(self.store.accounts().session_user(&token_hash(token)).await?)
    }

    async fn start_session(&self, user: User) -> Result<NewSession> {
        let token = new_token();
        self.store
            .accounts()
            .create_session(&token_hash(&token), &user.id, &new_token(), SESSION_SECONDS)
            .await?;
        Ok(NewSession { token, user })
    }

    /// Signs in with an e-mail address and a password. Only failures count towards the throttle,
    /// per account and per client address; an attempt refused by the throttle writes nothing.
    /// Known and unknown addresses cost the same work and get the same answer.
    pub async fn sign_in(&self, email: &str, password: &str, client: Client) -> Result<NewSession> {
        let email_key = format!("account:{}", email.trim().to_lowercase());
        let mut keys = vec![email_key.clone()];
        if let Some(address) = client.address {
            keys.push(format!("address:{address}"));
        }
        let since = self.now().plus_seconds(-THROTTLE_WINDOW_SECONDS).to_string();
        let failures = self.store.accounts().failed_sign_ins(&keys, &since).await?;
        let throttled = failures.first().is_some_and(|n| *n >= FAILURES_PER_ACCOUNT)
            || failures.get(1).is_some_and(|n| *n >= FAILURES_PER_ADDRESS);
        if throttled {
            return Err(Refusal::SignInThrottled.into());
        }
        let user = match Email::parse(email.trim()) {
            Ok(email) => self.store.accounts().user_by_email(&email).await?,
            Err(_) => None,
        };
        let hash = user.as_ref().and_then(|u| u.password_hash.clone());
        let candidate = password.to_string();
        let checked = hash.clone().unwrap_or_else(|| decoy_hash().to_string());
        // argon2 takes tens of milliseconds of CPU: off the async workers.
        let matches = self.heavy(move || verify_password(&candidate, &checked)).await?;
        match user {
            Some(user) if hash.is_some() && matches && user.disabled => Err(Refusal::AccountDisabled.into()),
            Some(user) if hash.is_some() && matches => {
                self.store.accounts().clear_sign_in_attempts(&email_key).await?;
                self.start_session(user).await
            }
            _ => {
                self.store.accounts().record_failed_sign_in(&keys).await?;
                Err(Refusal::SignInFailed.into())
            }
        }
    }

    /// Ends a session.
    pub async fn sign_out(&self, token: &str) -> Result<()> {
        Ok(self.store.accounts().delete_session(&token_hash(token)).await?)
    }

    /// The account a one-time link is for, without using it.
    pub async fn link_user(&self, token: &str) -> Result<User> {
        self.store
            .accounts()
            .invitation_user(&token_hash(token))
            .await?
            .ok_or(AppError::Refused(Refusal::LinkInvalid))
    }

    /// Sets a password through a one-time link (an invitation or a reset): the link is used up,
    /// every other link and session of the account ends, and a new session starts.
    pub async fn redeem_link(&self, token: &str, password: &str, again: &str) -> Result<NewSession> {
        let user = self.link_user(token).await?;
        let hash = self.new_password_hash(&user, password, again).await?;
        match self.store.accounts().redeem_invitation(&token_hash(token), &hash).await? {
            Some(user) => self.start_session(user).await,
            // Used up between the check and now: the link was opened twice at once.
            None => Err(Refusal::LinkInvalid.into()),
        }
    }

    /// Changes the signed-in person's password; every other session and link ends.
    pub async fn change_password(
        &self,
        user: &User,
        current: &str,
        password: &str,
        again: &str,
    ) -> Result<NewSession> {
        let stored = user.password_hash.clone().unwrap_or_else(|| decoy_hash().to_string());
        let candidate = current.to_string();
        if !self.heavy(move || verify_password(&candidate, &stored)).await? {
            return Err(Refusal::SignInFailed.into());
        }
        let hash = self.new_password_hash(user, password, again).await?;
        self.store.accounts().set_password_hash(&user.id, &hash).await?;
        self.start_session(user.clone()).await
    }

    async fn new_password_hash(&self, user: &User, password: &str, again: &str) -> Result<String> {
        let city = user.city.as_ref().map(|c| c.to_string()).unwrap_or_default();
        check_password(password, &[user.email.as_str(), &user.name, &city]).map_err(Refusal::Password)?;
        if password != again {
            return Err(Refusal::PasswordMismatch.into());
        }
        let password = password.to_string();
        self.heavy(move || hash_password(&password)).await
    }

    /// A fresh one-time link for an account, replacing its older unused ones.
    pub async fn new_link(&self, user: &User, purpose: LinkPurpose) -> Result<String> {
        let base = self.base_url()?.to_string();
        let token = new_token();
        let (seconds, path) = match purpose {
            LinkPurpose::Invitation => (INVITATION_SECONDS, "invitations"),
            LinkPurpose::PasswordReset => (RESET_SECONDS, "password-reset"),
        };
        self.store.accounts().create_invitation(&user.id, &token_hash(&token), seconds, purpose).await?;
        Ok(format!("{base}/{path}/{token}"))
    }

    /// Mails a password-reset link to the account with this address, if there is one and it
    /// was sent fewer than [`RESETS_PER_HOUR`] in the last hour. The answer is the same either
    /// way, so the form tells no one which addresses have accounts. A new link voids the
    /// previous reset link, not a pending invitation.
    pub async fn request_password_reset(&self, email: &str, lang: Lang) -> Result<()> {
        self.base_url()?;
        let Ok(email) = Email::parse(email.trim()) else { return Ok(()) };
        let Some(user) = self.store.accounts().user_by_email(&email).await?.filter(|u| !u.disabled) else {
            return Ok(());
        };
        let hour_ago = self.now().plus_seconds(-3600).to_string();
        let recent =
            self.store.accounts().links_since(&user.id, LinkPurpose::PasswordReset, &hour_ago).await?;
        if recent >= RESETS_PER_HOUR {
            // Answered as any other request, so the form still tells nothing; no mail.
            tracing::info!("a password reset was asked for again within the hour; no mail sent");
            return Ok(());
        }
        let link = self.new_link(&user, LinkPurpose::PasswordReset).await?;
        let subject = t(lang, "mail-reset-subject");
        let body = translate(
            lang,
            "mail-reset-body",
            &[("name", FluentValue::from(user.name.clone())), ("link", FluentValue::from(link))],
        );
        self.store.outbox().enqueue_mail(&new_token(), user.email.as_str(), &subject, &body).await?;
        Ok(())
    }

    /// Forgets failed sign-ins older than the throttle's window and expired sessions, and
    /// erases decided applications past their time (see [`crate::people`]).
    pub async fn purge_expired(&self) -> Result<()> {
        self.store
            .accounts()
            .purge_expired(&self.now().plus_seconds(-THROTTLE_WINDOW_SECONDS).to_string())
            .await?;
        self.purge_decided_applications().await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_128_random_bits() {
        let (a, b) = (new_token(), new_token());
        assert_eq!(a.len(), 32);
        assert!(a.bytes().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, b);
        assert_eq!(token_hash(&a).len(), 64);
        assert_eq!(token_hash("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    #[test]
    fn passwords_verify_only_themselves() {
        let hash = hash_password("correct horse battery");
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery", &hash));
        assert!(!verify_password("correct horse battery!", &hash));
        assert!(!verify_password("anything", "not a hash"));
    }

    #[test]
    fn the_password_policy_follows_nist() {
        use PasswordProblem::*;
        let check = |p: &str| {
            check_password(p, &["ane.etxebarria@bilbao.example.org", "Ane Etxebarria", "es-bilbao"])
        };
        assert_eq!(check("correct horse battery"), Ok(()));
        assert_eq!(check("Txakoli y pintxos 7"), Ok(()));
        assert_eq!(check("short"), Err(TooShort { min: 10 }));
        assert_eq!(check("          "), Err(Repetitive), "ten spaces");
        assert_eq!(check(&"x".repeat(129)), Err(TooLong { max: 128 }));
        assert_eq!(check("good\0password here"), Err(ControlCharacter));
        assert_eq!(check(&"a".repeat(1_000_000)), Err(TooLong { max: 128 }), "1 MB refused by length");
        assert_eq!(check("1234567890"), Err(Repetitive));
        assert_eq!(check("abcdefghij"), Err(Repetitive));
        assert_eq!(check("abcabcabcabc"), Err(Repetitive));
        assert_eq!(check("Password123!"), Err(TooCommon));
        assert_eq!(check("2024dragon!!"), Err(TooCommon));
        assert_eq!(check("qwertyuiop"), Err(TooCommon));
        assert_eq!(check("etxebarria2025"), Err(TooCommon), "the person's own name");
        assert_eq!(check("Bilbao!!2025"), Err(TooCommon), "the city");
        assert_eq!(check("12345678901234"), Err(Repetitive));
    }
}
