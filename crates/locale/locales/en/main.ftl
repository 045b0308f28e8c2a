site-title = Smart Cities Study
site-tagline = UCLG Community of Practice on Digital Cities
skip-to-content = Skip to content
nav-label = Main
nav-home = Home
nav-editions = Editions
nav-members = Members
language-switcher = Language
demo-banner = Demonstration data. City names, populations and coordinates are real (GeoNames); membership records and focal points are illustrative.
illustrative = illustrative
footer-data = City data: GeoNames (CC BY 4.0). Map: Natural Earth via world-atlas (public domain / ISC).
footer-not-ranking = The study characterises cities; it is not a ranking.

home-heading = The Smart Cities Study
home-intro = Every two years or so, the cities of the community look at where they stand on their way to becoming smart cities, with the same method each time. Each edition may focus on one axis.
home-aims-heading = What each edition does
aim-characterise = Characterise each participating city's situation and opportunities, reported as shares of cities and profiles.
aim-practices = Identify good practices other cities can reuse, linked to the Sustainable Development Goals.
aim-barriers = Identify the barriers and enablers of smart-city development.
home-axes-heading = The six axes of the study
home-editions-heading = Editions
home-members-heading = The community
home-members-count = { $cities ->
    [one] One member city
   *[other] { $cities } member cities
} in { $countries ->
    [one] one country
   *[other] { $countries } countries
}, across { $sections } UCLG world sections.
home-members-link = See the members and their map
home-partners-heading = Learning and dissemination partners

editions-heading = Editions of the study
edition-focus = Focus
edition-status = Status
edition-participants = { $count ->
    [one] One participating city
   *[other] { $count } participating cities
}
edition-timeline = Timeline
edition-framework = Framework
edition-framework-intro = Axes, their sub-areas and the questions asked. Parts marked "inferred" were proposed to fill gaps in public sources.
edition-framework-version = Framework version { $version }
edition-questions = { $count ->
    [one] one question
   *[other] { $count } questions
}
edition-sources = Sources
edition-rankings-off = Results are shown as shares of cities and profiles, not as rankings.
edition-rankings-on = This edition publishes rankings.
edition-study-axis = Study axis: { $axis }
edition-sdgs = SDGs linked in this framework

focus-holistic = All six axes
focus-axis = Axis: { $axis }
theme-covid19_smart_resilience = COVID-19 and smart resilience
theme-innovation_ecosystems_sdgs = Innovation ecosystems and the SDGs

status-planning = Planning
status-collecting = Collecting answers
status-published = Published

axis-economy = Economy
axis-citizenship = Citizenship
axis-governance = Governance
axis-mobility = Mobility
axis-environment = Environment
axis-quality_of_life = Quality of life

kind-numeric = Number
kind-yes_no = Yes / no
kind-ordinal = Scale
kind-single_choice = One choice
kind-multiple_choice = Several choices
kind-text = Free text
kind-date = Date
direction-higher_is_better = higher is better
direction-lower_is_better = lower is better
direction-neutral = descriptive
provenance-stated = stated
provenance-inferred = inferred
question-unit = Unit
question-levels = Levels
question-options = Options
question-sdgs = SDGs
question-continues = Continues { $question }
question-code = Code

members-heading = Member cities
members-intro = The community renews its member list periodically. Each city belongs to one of UCLG's world sections.
members-map-title = Map of member cities
members-map-description = { $count ->
    [one] One member city shown as a dot on a world map.
   *[other] { $count } member cities shown as dots on a world map.
} The same cities are listed in the table below.
members-filter = Filter
members-filter-section = World section
members-filter-all = All sections
members-filter-apply = Apply
members-count = { $count ->
    [0] No member city matches.
    [one] One member city.
   *[other] { $count } member cities.
}
col-city = City
col-country = Country
col-section = Section
col-status = Membership
col-since = Member since
col-population = Population

member-status-active = Active
member-status-pending_renewal = Pending renewal
member-status-lapsed = Lapsed
member-status-left = Left

section-africa = Africa
section-asia-pacific = Asia-Pacific
section-eurasia = Eurasia
section-europe = Europe
section-latin-america = Latin America
section-middle-east-west-asia = Middle East and West Asia
section-north-america = North America

city-local-name = Local name
city-country = Country
city-section = UCLG world section
city-metropolis = Member of Metropolis
city-population = Population
city-population-source = Source
city-coordinates = Coordinates
city-membership = Membership
city-not-member = Not a member of the community.
city-map-title = Location of { $city }
yes = Yes
no = No

not-found-heading = Page not found
not-found-text = There is nothing at this address. Try the editions or the members list.

sdg-1 = No poverty
sdg-2 = Zero hunger
sdg-3 = Good health and well-being
sdg-4 = Quality education
sdg-5 = Gender equality
sdg-6 = Clean water and sanitation
sdg-7 = Affordable and clean energy
sdg-8 = Decent work and economic growth
sdg-9 = Industry, innovation and infrastructure
sdg-10 = Reduced inequalities
sdg-11 = Sustainable cities and communities
sdg-12 = Responsible consumption and production
sdg-13 = Climate action
sdg-14 = Life below water
sdg-15 = Life on land
sdg-16 = Peace, justice and strong institutions
sdg-17 = Partnerships for the goals

sign-in = Sign in
sign-out = Sign out
sign-in-help = Accounts are created by the secretariat, which sends each person a one-time link to set a password.
email = E-mail address
password = Password
sign-in-expired = The form expired. Please try again.
sign-in-too-many = Too many attempts. Wait a quarter of an hour and try again.
sign-in-failed = The e-mail address or the password is not right.
password-too-short = The password needs at least { $min } characters.
password-mismatch = The two passwords are different.
invitation-heading = Set your password
invitation-intro = Welcome, { $name }. Choose a password for { $email }; you will use it to sign in from now on.
invitation-invalid = This link is not valid: it was already used, it expired, or it was mistyped. Ask the secretariat for a new one.
password-new = New password (at least { $min } characters)
password-again = The same password again
set-password = Set password and sign in
me-editions = Editions
me-your-response = your response
me-answer = Answer the questionnaire
me-campaign = Follow the campaign
me-nothing-open = No edition is open for answers at the moment.
role-secretariat = Secretariat
role-analyst = Analyst
role-respondent = City respondent
response-invited = not started
response-in_progress = in progress
response-submitted = submitted
response-returned = returned for changes
response-accepted = accepted
nav-me = My page
response-status = Status
response-last-change = last change { $when }
questionnaire-sections = Parts of the questionnaire
progress-label = { $answered } of { $total } answered
review-heading = Review and submit
offline-heading = Working offline
offline-intro = Download the questionnaire as a spreadsheet, fill it in, and upload it here. Your current answers are already in it.
offline-download = Download the workbook
print-link = Printable version
history-link = Changes to the answers
offline-upload = Filled workbook
offline-upload-button = Upload
upload-saved = { $count ->
    [one] The workbook was read: one answer changed.
   *[other] The workbook was read: { $count } answers changed.
}
carry-over-heading = Start from your { $year } answers
carry-over-intro = { $count ->
    [one] One question of { $year } is asked the same way this time and is not answered yet: its answer can be copied here, to check and change. Nothing you have already answered is replaced.
   *[other] { $count } questions of { $year } are asked the same way this time and are not answered yet: their answers can be copied here, to check and change. Nothing you have already answered is replaced.
}
carry-over-button = { $count ->
    [one] Copy this answer
   *[other] Copy these { $count } answers
}
carry-over-done = { $count ->
    [one] One answer was copied from { $year }: check it before submitting.
   *[other] { $count } answers were copied from { $year }: check them before submitting.
}
required = required
no-answer = No answer
evidence = Evidence
evidence-self_reported = self-reported
evidence-reviewed = reviewed
evidence-verified = verified
answer-file-given = A file was given
file-upload = Upload
file-replace = Replace
file-remove = Remove the file
file-hint-image = A PNG or JPEG picture, up to 10 MB; it is stored without its metadata (place, camera).
file-hint-document = A PDF, a picture (PNG, JPEG) or an office document, up to 10 MB.
answer-note = Add a note
answer-note-label = Your note on this answer, for the secretariat (never published)
answer-note-by-city = The city's note
answer-notes-unanswered = Notes on questions left unanswered
reviewer-comment = Secretariat
saved = Saved.
conflict-intro = Some answers were changed by someone else after you opened this page. Nothing was saved. Check them and save again.
conflict-line = { $question }: now “{ $theirs }” (by { $who }); yours was “{ $yours }”.
entry = Entry { $number }
remove-entry = Remove this entry
new-entry = Add an entry
skip-logic-note = Some questions appear only after certain answers; save to see them.
save = Save
previous = Previous
next = Next
autosave-saving = Saving…
autosave-saved = Saved at
autosave-offline = Not saved: no connection. Your answers stay on this page; they will be saved with the next change.
review-comments = Comments from the secretariat
review-issues = { $count ->
    [one] One answer needs attention before submitting
   *[other] { $count } answers need attention before submitting
}
review-complete = Nothing is missing or invalid.
submit = Submit the questionnaire
decision-heading = Decision
col-question = Question
col-answer = Answer
col-comment = Comment
accept = Accept
return = Return with comments
review-answers = Answers
print-button = Print
history-all = all questions
col-when = When
col-who = Who
col-old = Before
col-new = After
campaign-heading = Campaign
campaign-participation = Participation
campaign-invited = Invited
campaign-started = Started
campaign-submitted = Submitted
campaign-accepted = Accepted
campaign-cities = Cities
campaign-progress = Progress
campaign-deadline = Deadline
campaign-actions = Actions
campaign-open = Open for answers
campaign-move-deadline = Change the deadline
campaign-invite = Invite member cities
campaign-remind = Remind cities that have not submitted
campaign-invited-notice = { $cities ->
        [one] { $cities } city invited
       *[other] { $cities } cities invited
    }; { $mails ->
        [one] { $mails } message queued.
       *[other] { $mails } messages queued.
    }
campaign-reminded-notice = { $cities ->
        [one] { $cities } city reminded
       *[other] { $cities } cities reminded
    }; { $mails ->
        [one] { $mails } message queued.
       *[other] { $mails } messages queued.
    }
campaign-mail = Mail
campaign-mail-counts = { $pending } waiting, { $sent } sent, { $failed } given up.
campaign-mail-problems = Messages whose last delivery failed
campaign-mail-recipient = Recipient
campaign-mail-attempts = Attempts
campaign-mail-next = Next attempt
campaign-mail-error = Error
campaign-mail-given-up = given up
campaign-all = All cities
forbidden = You cannot see this page with your account.
forbidden-heading = Not available with your account
sign-in-needed = Sign in to see this page.
refused-heading = This could not be done
go-back = Back to the form
form-expired = The form expired. Reload the page and try again.
form-unreadable = The form could not be read. Reload the page and try again.
response-closed = This response was submitted and can no longer be changed.
submit-incomplete = Some answers are missing or invalid; see the review page.
return-needs-comment = Write at least one comment to return the response.
upload-missing = Choose a file to upload.
upload-refused = The workbook was not saved:
upload-conflict = The workbook was not saved because these answers changed since it was downloaded; download it again:

workshop-heading = Focus groups
workshop-intro = Participatory workshops of the edition, one per language, and what came out of them, linked to the axes and SDGs.
workshop-none = No workshop has been recorded yet.
workshop-held = { $date } · in { $language } · { $count ->
    [one] one city
   *[other] { $count } cities
  }
workshop-dynamics = Dynamics
workshop-participants = Participating cities
workshop-outputs = Outputs
workshop-totals = Outputs of all workshops
workshop-kind-practice = Good practice
workshop-kind-barrier = Barrier
workshop-kind-enabler = Enabler
workshop-kind-trend = Trend
workshop-axis = Axis
workshop-kind = Kind
workshop-sdgs = SDG targets
workshop-note = Note
workshop-edit = Correct this record
workshop-record = Record a workshop
workshop-record-intro = To correct a workshop, follow “Correct this record” under it; a new workshop needs an identifier of its own. Rows without a kind are left out.
workshop-id = Identifier
workshop-id-rule = lower-case letters, digits and hyphens, e.g. 2025-es
workshop-held-on = Date
workshop-language = Language
workshop-output-row = Output { $row }
workshop-note-needed = the note is empty
workshop-save = Save the workshop
language-en = English
language-es = Spanish
language-fr = French

me-questionnaire = Questionnaire
editor-heading = Questionnaire
editor-version = version { $version }
editor-xlsform = Download as XLSForm
editor-saved = Saved as version { $version }.
editor-not-saved = Nothing was saved:
editor-repeat = answered any number of times
editor-name = Name
editor-type = Type
editor-label = Label
editor-hint = Hint
editor-constraint_message = Message when the constraint fails
editor-non-answers = Besides an answer, the respondent may give
editor-non-answers-inherit = As the questionnaire says ({ $offered })
editor-non-answers-both = Don't know or not applicable
editor-non-answers-neither = Neither
editor-required = Required
editor-relevant = Shown when
editor-constraint = Constraint
editor-default = Default
editor-group = Group
editor-add = Add a question
editor-add-button = Add the question
editor-answers = { $count ->
    [0] no answers yet
    [one] one answer
   *[other] { $count } answers
  }
editor-choices = Choices
editor-rename-note = Renaming keeps the answers: they move to the new name.
editor-expressions = Conditions use XLSForm expressions: ${"{"}name{"}"} for another answer, . for this one; operators and functions:
editor-save = Save
editor-delete = Remove the question
editor-label-needed = a label in { $language } is needed
editor-delete-answered = This question has { $count ->
        [one] { $count } answer
       *[other] { $count } answers
    } and cannot be removed; make it optional or hide it with a condition instead.
editor-delete-referenced = Other questions refer to this one:

results-heading = Results
results-none = This edition has not been analysed on this platform yet.
results-answering = { $answering } of { $invited ->
        [one] { $invited } invited city answering
       *[other] { $invited } invited cities answering
    } (accepted responses).
results-provenance = Computed { $at } with method { $method }. The fingerprint of the inputs below identifies the exact answers analysed: the same answers give the same fingerprint.
results-not-ranking = Findings are shares of the cities that answered, with 95 % intervals; cities are not ranked.
results-published = These are the live figures, which change as answers are accepted. The published report is version { $version } of { $date }:
results-published-site = its site
results-published-report = the report (PDF)
results-question = Question
results-finding = Finding
results-answered = Answered
results-yes-share = { $share } answer yes
results-median-level = Median level: { $level }
results-median = Median: { $value }
results-dates = From { $earliest } to { $latest }
results-dates-count = { $count ->
        [one] { $count } date given
       *[other] { $count } dates given
    }
results-text-answers = { $count ->
        [one] { $count } written answer
       *[other] { $count } written answers
    }
results-sdg-heading = Axes and SDGs
results-sdg-intro = Good practices, positive answers to questions linked to an SDG, and focus-group outputs, by axis and SDG; the most cited SDG of each axis is highlighted.
results-sdg-cell = { $practices ->
        [one] { $practices } practice
       *[other] { $practices } practices
    }, { $answers ->
        [one] { $answers } answer
       *[other] { $answers } answers
    }, { $workshops ->
        [one] { $workshops } workshop output
       *[other] { $workshops } workshop outputs
    }
results-axis = Axis
results-most-cited = Most cited
results-sdg = SDG
results-linking = Cities linking at least one of their practices to each SDG
results-cities = Cities
results-share = Share
results-interval = 95 % interval
results-barriers-heading = Barriers and enablers most cited
results-category = Category
results-type = Type
results-importance = Mean importance (1–5)
results-trends-heading = Trends
results-then = Then
results-now = Now
results-paired-heading = Cities in both editions
results-paired = { $cities ->
        [one] { $cities } city in both
       *[other] { $cities } cities in both
    }, { $unchanged } unchanged
results-no-trends = No question of this edition has answers in an earlier edition yet.
results-question-answering = { $answering ->
        [one] { $answering } city answered this question
       *[other] { $answering } cities answered this question
    }, of { $responding ->
        [one] { $responding } accepted response
       *[other] { $responding } accepted responses
    } and { $invited ->
        [one] { $invited } city invited.
       *[other] { $invited } cities invited.
    }
non-answers-beside = Not counted: { $dont_know } “don't know”, { $not_applicable } “not applicable”.
results-chart-caption = Share of the cities that answered, with its 95 % interval (Wilson). Where fewer than 5 cities answered, only the count is shown.
results-all-cities = All cities
results-answer = Answer
results-value = Value
results-per-100k = Per 100,000 inhabitants
results-breakdowns = By section, size and Metropolis membership
results-small-cells = Cells of fewer than 5 cities show counts only.
results-dimension-section = UCLG section
results-dimension-population = Population
results-dimension-metropolis = Metropolis membership
results-group-under_250k = Under 250,000
results-group-250k_1m = 250,000 to 1 million
results-group-1m_5m = 1 to 5 million
results-group-over_5m = Over 5 million
results-group-metropolis = Metropolis members
results-group-not_metropolis = Not Metropolis members
results-stat-n = Cities
results-stat-min = Minimum
results-stat-q1 = First quartile
results-stat-median = Median
results-stat-q3 = Third quartile
results-stat-max = Maximum
results-stat-mean = Mean
results-link = Results

profile-heading = In the { $year } study
profile-intro = Each answer beside the share of cities giving the same answer: all cities, the cities of its UCLG section and those of its size. A profile, not a ranking.
profile-answer = { $city }
profile-all = All cities
profile-section = Its section
profile-band = Its size band
profile-peers = Similar cities
profile-peers-intro = The closest in size, section and answer profile (Gower distance in brackets, 0 = alike): cities to learn from.

coding-heading = Coding free text
coding-no-codebook = This edition has no codebook yet: import one with `smartcities codebook --edition YEAR FILE.toml`.
coding-nothing = No accepted answer has free text to code yet.
coding-progress = You have coded { $coded } of { $total ->
        [one] { $total } free-text answer.
       *[other] { $total } free-text answers.
    }
coding-answer = Answer { $index } of { $total }
coding-already = you coded it already; saving replaces your codes
coding-suggested = suggested
coding-save = Save and go to the next
coding-previous = Previous
coding-next = Next
coding-frequencies = Code frequencies
coding-items = Answers
coding-agreement = Agreement between coders
coding-agreement-intro = Cohen's kappa per category between { $first } and { $second }, over the answers both coded (1 = perfect agreement, 0 = no better than chance).
coding-shared = Answers coded by both
coding-both = Coded by both
coding-unknown-code = The codebook has no category { $code }.
coding-group-barrier = Barriers
coding-group-enabler = Enablers
coding-group-trend = Trends
coding-group-technology = Technologies
coding-link = Coding free text

response-withdrawn = withdrawn
withdraw = Record that the city withdrew
withdraw-intro = If the city withdraws from the edition, its answers are kept but left out of the analysis.
profile-levels = Levels of { $city } per axis (0–100)
profile-levels-heading = Level per axis
profile-level = Level (0–100)
results-coded-heading = In the free text: categories coded most often
coding-passage = passage (optional)
coding-passage-help = Tick each category that applies; to tie a category to part of the answer, copy that passage beside it.
coding-passage-not-found = The passage given for { $category } is not in the answer: “{ $passage }”.
results-by-axis = Most cited per axis (cities)
results-by-section = Most cited per UCLG section (cities)
results-index-heading = Composite index (illustrative profiles)
results-index-intervals = Intervals: the 5th to 95th percentile of the score over { $runs ->
        [one] { $runs } run
       *[other] { $runs } runs
    } varying { $varied }.
results-index-no-ranks = Cities are listed by name: this edition does not rank them.
results-index-city = City
results-index-score = Score (0–100)
results-index-interval = 90 % interval
results-index-rank = Rank (5–95 %)
results-index-audit = How the questions of each axis hang together
results-index-alpha = Cronbach's alpha
results-index-pc1 = Variance of the first component
results-index-negative = Running against their axis
results-index-varied-imputation = how missing answers are treated
results-index-varied-weights_level_1 = question weights
results-index-varied-weights_level_2 = axis weights
profile-index-overall = Overall

## Refusals of the application's use cases
password-too-long = The password can have at most { $max } characters.
password-control = The password cannot contain control characters.
password-common = This password is too easy to guess: it is a common password, or made of your name, address or city. Choose another.
password-repetitive = This password is too easy to guess: it repeats or runs in sequence. Choose another.
refused-not-found = This does not exist, or is not visible with your account.
refused-public-url = Links cannot be mailed: the server was started without its public address (--public-url).
refused-link = This link is not valid any more: it was used, replaced by a newer one, or it expired. Ask for a new one.
refused-edition-not-open = The { $edition } edition does not take answers now (it is: { $status }).
refused-not-invited = This city was not invited to this edition.
refused-response-closed = This response is { $status } and can no longer be changed.
refused-illegal-move = A response that is { $status } cannot be { $move }.
move-answer = answered
move-correct = corrected
move-submit = submitted
move-return = returned
move-accept = accepted
move-withdraw = withdrawn
refused-unknown-axis = The framework has no axis { $axis }.
refused-unknown-city = The registry has no city { $city }.
refused-restore-over-data = The database holds { $rows ->
        [one] { $rows } row
       *[other] { $rows } rows
    }; restoring replaces all of them. Add --replace to do so, or restore into an empty database.
refused-unknown-question = There is no question { $code } in this questionnaire.
refused-unknown-group = There is no part { $name } in this questionnaire.
refused-unknown-entry = The entry { $entry } does not exist in this questionnaire.
refused-invalid-answers = Nothing was saved; please correct:
answers-refused-kept = { $count ->
    [one] One answer was not saved: it is kept below as you typed it, beside its problem.
   *[other] { $count } answers were not saved: they are kept below as you typed them, each beside its problem.
}
refused-answer-too-long = The answer to { $question } is longer than { $max } characters.
refused-too-many-entries = { $group ->
    [none] A response can hold at most { $max } entries.
   *[other] { $group } can hold at most { $max } entries.
}
refused-questionnaire-changed = The questionnaire changed since you opened it (version { $based_on }, now { $now }). Reload it and edit again.
refused-framework-changed = The framework changed since you opened it (version { $based_on }, now { $now }). Reload it and edit again.
refused-bad-statement = The statement of { $code } in { $language } is too long (at most 200 characters) or holds a line break or control character.
refused-name-taken = The name { $name } is already used; choose another.
refused-invalid-name = { $name } is not a valid name: start with a letter or _, then letters, digits, -, _ or .
refused-verified-note = A verified answer needs a note saying what backs it (a document or a link).
refused-no-answer = There is no answer to { $question }.
answer-control-characters = The answer contains control characters; remove them.
mail-reset-subject = Smart Cities Study — choose a new password
mail-reset-body = Hello { $name },

    Someone (we hope you) asked to choose a new password for your Smart Cities Study account. Open this link within an hour to do so:

    { $link }

    If you did not ask, ignore this message: your password stays as it is.

## Password reset and change
password-reset-link = Forgot your password?
password-reset-heading = Choose a new password
password-reset-intro = Give the e-mail address of your account; we will mail you a link to choose a new password. The link works for an hour.
password-reset-send = Send the link
password-reset-sent = If { $email } has an account, a link to choose a new password is on its way. Check your mailbox.
password-change-link = Change password
password-change-heading = Change your password
password-change-intro = Your other sessions end when the password changes.
password-current = Current password
password-change-button = Change password
refused-nul = The form or address contains a NUL character, which the site does not accept. Remove it and try again.

evidence-heading = Evidence
evidence-intro = How far each answer can be trusted. Accepting a response marks its answers reviewed; mark an answer verified when a document or a link backs it, and say which in the note.
evidence-change = Change
evidence-note = What backs it (document, link)

pages = Pages
page-of = Page { $page } of { $pages } ({ $total ->
        [one] { $total } change
       *[other] { $total } changes
    })
page-newer = Newer changes
page-older = Older changes

## Publication: the static site, the PDFs and the open data of a published version

month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
pub-report = Report
pub-contents = Contents
pub-foreword = Foreword
pub-methodology = Methodology
pub-findings = Findings
pub-practices = Good practices
pub-practices-intro = Practices the participating cities put forward for other cities to reuse, each linked to the Sustainable Development Goals it contributes to.
pub-barriers-enablers = Barriers and enablers
pub-barriers = Barriers
pub-enablers = Enablers
pub-sdg-matrix = Axes and SDGs
pub-sdg-intro = How often good practices, answers to questions linked to an SDG and focus-group outputs bear on each goal, by axis.
pub-conclusions = Conclusions
pub-cities = Cities
pub-cities-intro = The cities whose answers were accepted, by name. Each page sets the city's answers beside those of all cities: a profile, not a ranking.
pub-city = City
pub-country = Country
pub-section = UCLG world section
pub-population = Population
pub-metropolis = Metropolis member
pub-yes = Yes
pub-no = No
pub-map = Map
pub-map-title = Participating cities
pub-trends = Trends
pub-earlier = Earlier edition
pub-then = Then
pub-now = Now
pub-paired = Cities in both
pub-question = Question
pub-finding = Finding
pub-answered = Answered
pub-answered-of = { $answering } of { $invited ->
        [one] { $invited } city answered
       *[other] { $invited } cities answered
    }
pub-non-answers = { $dont_know } “don't know”, { $not_applicable } “not applicable”
pub-option = Answer
pub-share = Share
pub-interval = 95 % interval
pub-importance = Mean importance (1–5)
pub-category = Category
pub-statistic = Statistic
pub-value = Value
pub-axis = Axis
pub-sdgs = SDGs
pub-sdg = SDG
pub-downloads = Downloads
pub-report-pdf = Full report (PDF)
pub-brief-pdf = Two-page brief for political councils (PDF)
pub-slides-pdf = Key findings as slides (PDF)
pub-city-pdf = City sheet (PDF)
pub-open-data = Open data: CSV, XLSX, JSON and Data Package
pub-live-results = The latest findings on the platform, which change as answers are accepted
pub-data-title = Open data
pub-data-intro = Every figure of this version as data anyone may reuse: the tables behind the report, one file per table, the same tables as one workbook, and the whole published edition as JSON.
pub-data-licence = Licence:
pub-data-cite = Cite the Smart Cities Study, the edition and the version.
pub-data-files = The files of this version
pub-data-charts = Each chart on these pages can also be downloaded as SVG, PNG and CSV from the links under it.
pub-data-package = The Frictionless Data Package: each table's columns, types and descriptions, the licence and the sources.
pub-data-workbook = Every table below as a sheet of one spreadsheet.
pub-data-edition = The whole published edition (framework, questionnaire, findings, cities) as JSON.
pub-data-answers = The accepted answers, one row per answer.
pub-data-findings = The findings per question, overall and by UCLG section, population band and Metropolis membership.
pub-data-practices = The good practices published with the edition.
pub-data-barriers-enablers = The barriers and enablers cited, overall and by axis, with their shares and intervals.
pub-data-themes = The themes coded in the cities' written answers, with the cities raising each.
pub-data-cities = The participating cities, with their country, section, population and coordinates.
pub-data-codebook = The questions and choices, with their labels in Spanish, English and French.
pub-key-findings = Key findings
pub-filter = Filter the practices
pub-filter-text = Words
pub-filter-all = All
pub-filter-shown =
    { $count ->
        [one] practice shown
       *[other] practices shown
    }
pub-focus-groups = Focus groups
pub-held-on = Held
pub-language = Language
pub-dynamics = Dynamics
pub-participants = Participating cities
pub-outputs = Outputs
pub-kind = Kind
pub-note = Note
pub-its-answer = Its answer
pub-all-cities = All cities
pub-its-section = Its section
pub-peers = Similar cities
pub-peers-intro = The closest in size, section and answers: cities to learn from.
pub-highlights = Where it stands out
pub-scores = Scores per axis (0–100)
pub-overall = Overall
pub-city-facts = Key facts
pub-city-answers = Its answers beside all cities'
pub-city-practices = Its good practices
pub-no-practices = No good practice was put forward for this axis.
pub-no-cited = None cited.
pub-not-ranking = The study characterises cities: findings are shares of the cities that answered, with 95 % intervals. Cities are not ranked.
pub-chart-data = The chart's figures
pub-chart-download = Download this chart:
pub-chart-csv = data (CSV)
pub-breakdowns = By section, size and Metropolis membership
pub-provenance = Provenance
pub-provenance-intro = For anyone reproducing the figures: the version of the analysis method, and a fingerprint of the data this version was made from (equal fingerprints, equal data).
pub-content-hash = Content hash (SHA-256)
pub-method-version = Analysis method
pub-languages = Languages
pub-skip = Skip to content
pub-home = Findings
pub-brief = Brief
pub-slides = Key findings
pub-illustrative-data = Figures computed by the platform from the accepted answers.
pub-version = Version { $version }, published { $date }
pub-chart-shares = Share of the answering cities giving each answer to "{ $question }", with 95 % intervals.
pub-chart-distribution = Distribution of the answers to "{ $question }": minimum, quartiles, median and maximum.
pub-axis-overview = { $axis }: share of cities answering yes
pub-axis-intro = { $axis }: { $questions ->
    [one] one question
   *[other] { $questions } questions
} and { $practices ->
    [0] no good practice
    [one] one good practice
   *[other] { $practices } good practices
}.
pub-city-chart = { $city }'s yes-or-no answers beside all cities: share of the answering cities that answer yes
pub-key-messages = Key messages
pub-asks = What the findings ask of political councils
pub-asks-intro = In each axis, what the fewest cities have yet: where a council's support can make the difference.
pub-sdg-legend = Each cell counts the good practices, answers and focus-group outputs of an axis linked to a Sustainable Development Goal (1–17); the darker the cell, the more there are.
pub-chart-source = Source: { $study } { $year }, version { $version }, answers of { $answering ->
    [one] one city
   *[other] { $answering } cities
}.
pub-barriers-chart = Barriers and enablers: share of the answering cities citing each
pub-themes = What cities wrote
pub-themes-intro = Analysts coded the cities' written answers with the study's codebook. Each theme counts the cities whose answers raise it; answers themselves are not quoted.
pub-themes-barrier = Barriers cities wrote of
pub-themes-enabler = Enablers cities wrote of
pub-themes-trend = Trends cities wrote of
pub-themes-technology = Technologies cities wrote of
pub-themes-caption = Cities whose written answers raise each theme, of { $answering ->
    [one] the one answering city
   *[other] the { $answering } answering cities
}
pub-theme = Theme
pub-theme-answers = Written answers
pub-sdg-chart = Axes and SDGs: practices, answers and focus-group outputs per goal
pub-participation = { $answering } of { $invited ->
        [one] { $invited } invited city answered
       *[other] { $invited } invited cities answered
    }, from { $countries ->
        [one] one country
       *[other] { $countries } countries
    }.
pub-kf-barrier = The barrier most cited is { $category }, by { $share } of the cities.
pub-kf-enabler = The enabler most cited is { $category }, by { $share } of the cities.
pub-kf-sdg = The SDG most often linked to a practice is { $goal } ({ $name }), by { $cities ->
        [one] { $cities } city.
       *[other] { $cities } cities.
    }
pub-conclusion-close = { $practices ->
        [one] The good practice in this report is the study's offer to the network: another city can adapt it, and the city behind it is ready to share what it learnt.
       *[other] The { $practices } good practices in this report are the study's offer to the network: each can be adapted by another city, and the cities behind them are ready to share what they learnt.
    }
pub-method-collect = The questionnaire was sent to { $invited ->
        [one] { $invited } city
       *[other] { $invited } cities
    } in Spanish, English and French; { $answering } answered and had their answers reviewed and accepted by the secretariat. It asked { $questions ->
        [one] { $questions } question
       *[other] { $questions } questions
    } grouped by axis.
pub-method-shares = Each finding is the share of the answering cities giving an answer, with its 95 % Wilson interval; a question counts only the cities that answered it. Where fewer than five cities answered, only the count is shown.
pub-method-breakdowns = Each question is also broken down by UCLG world section, by population band and by Metropolis membership, with the same rule for small cells.
pub-method-practices = The cities put forward { $practices ->
        [one] { $practices } good practice
       *[other] { $practices } good practices
    }, each linked by the city to the SDGs it serves; barriers and enablers were chosen from a common list of categories and rated for importance.
pub-method-workshops = { $workshops ->
    [0] No focus group was held.
    [one] One focus group discussed the first findings with the cities.
   *[other] { $workshops } focus groups discussed the first findings with the cities.
}
pub-method-trends = { $questions ->
        [one] { $questions } question was asked in an earlier edition too; its trend compares the two editions and the cities that answered both.
       *[other] { $questions } questions were asked in an earlier edition too; their trends compare the two editions and the cities that answered both.
    }
pub-method-scores = This edition also publishes composite scores per axis, with the interval their uncertain choices leave. They are listed by city name: the study is not a ranking.
pub-method-no-scores = The study is not a ranking: no score or rank is published, only shares of cities and each city's profile.
pub-published = Published findings
pub-published-version = Version { $version } of { $date }
pub-withdrawn = Withdrawn: { $reason }
pub-withdrawn-page = This version was withdrawn on { $date }: { $reason }
pub-read-findings = Read the findings
pub-choose-language = Choose a language
refused-not-analysed = This edition has not been analysed yet: analyse it before publishing.
refused-results-stale = Answers were accepted, returned or withdrawn since the last analysis: analyse the edition again before publishing.
refused-nothing-to-publish = No city's answers have been accepted yet, so there is nothing to publish.
refused-text-too-long = This text is too long: at most { $max } characters.
refused-published-meanwhile = Another version of this edition was published at the same moment. Reload the page and publish again if needed.
refused-withdraw-reason = Say why the version is withdrawn: the public will read it on its pages.
pub-conclusion-participation = { $answering ->
        [one] { $answering } city
       *[other] { $answering } cities
    } from { $countries ->
        [one] { $countries } country
       *[other] { $countries } countries
    } answered this edition. What follows describes them as a group, in shares of cities and profiles: it does not rank them.
pub-conclusion-widespread = What most cities already have, axis by axis: { $list }.
pub-conclusion-rare = What few have yet, where the cities that do can help the others most: { $list }.
pub-conclusion-barriers = The barriers cited most are { $barriers }; the enablers, { $enablers }.
pub-withdrawn-title = Version { $version } of the { $year } edition was withdrawn
pub-read-current = Read the current version
pub-back-edition = About the { $year } edition
pub-staff-heading = Results and publication
pub-results-none = Not analysed yet.
pub-results-current = Results are current: computed { $at }.
pub-results-stale = Results are stale: an answer was accepted, returned or withdrawn after they were computed ({ $at }).
pub-analyse-now = Analyse now
pub-publish-heading = Publish a new version
pub-publish-intro = Publishing freezes the framework, the accepted answers, the results, the practices and the focus groups into a numbered version that never changes, with its site, PDFs and open data. Earlier versions stay online.
pub-publish-needs-current = Analyse the edition first: only current results can be published.
pub-foreword-field = Foreword ({ $language })
pub-conclusions-field = Conclusions ({ $language }), drafted from the data: edit them before publishing
pub-versions = Published versions
pub-published-by = Published { $at } by { $by }
pub-files = { $files ->
        [one] { $files } file
       *[other] { $files } files
    }, { $size } MB
pub-withdraw-reason = Reason for withdrawing (shown to the public)
pub-withdraw-button = Withdraw version { $version }
pub-analysed-flash = The edition was analysed.
pub-withdrawn-flash = Version { $version } is withdrawn.
pub-findings-of = Findings of the { $year } edition
pub-published-heading = Published findings
pub-not-published = The findings of this edition are not published on this platform; see its sources for the report.
pub-version-short = Version { $version }

## Good-practice catalogue
nav-practices = Good practices
refused-practice-invalid = The practice could not be saved:
refused-practice-changed = Someone saved this practice since you opened it (version { $based_on }, now { $now }). Reload it and make your change again.
refused-practice-consent = A practice is published only with its city's consent to publish it.
refused-practice-return-comment = Say what the city should change: a practice is returned with a comment.
practice-required = Required.
practice-too-long = At most { $max } characters.
practice-too-many = At most { $max } items.
practice-unknown-value = Not one of the values offered.
practice-bad-sdg = Choose a goal from 1 to 17.
practice-bad-target = { $target } is not an SDG target: write it like 11.3 or 11.a.
practice-bad-date = Write a date as YYYY, YYYY-MM or YYYY-MM-DD.
practice-ended-before = The end comes before the start.
practice-bad-link = { $link } is not a web address starting with https:// or http://.
practice-bad-email = Not an e-mail address.
practice-field-title = Title
practice-field-summary = Summary
practice-field-axis = Axis
practice-field-sub_area = Sub-area
practice-field-sdg = Main SDG
practice-field-sdgs = Other SDGs
practice-field-targets = SDG targets (like 11.3)
practice-field-inequalities = Inequalities it addresses
practice-field-challenge = Challenge addressed
practice-field-objectives = Objectives
practice-field-actions = What was done
practice-field-technologies = Technologies (separated by commas)
practice-field-actors = Actors
practice-field-started = Started (YYYY, YYYY-MM or YYYY-MM-DD)
practice-field-ended = Ended
practice-field-stage = Stage
practice-field-budget = Budget
practice-field-funding = Funding source
practice-field-results = Results
practice-field-indicators = Indicators (one per line, as “name: value”)
practice-field-preconditions = Preconditions
practice-field-cost = Cost to copy
practice-field-complexity = Complexity to copy
practice-field-needs = What a city needs to copy it
practice-field-lessons = Lessons learned
practice-field-links = Links (one per line)
practice-field-images = Images (addresses, one per line)
practice-field-contact_name = Contact
practice-field-contact_email = Contact e-mail
practice-field-consent = The city agrees to publish this practice
practice-status-draft = Draft
practice-status-published = Published
practice-status-returned = Returned to the city
practice-stage-planned = Planned
practice-stage-pilot = Pilot
practice-stage-running = Running
practice-stage-scaled = Scaled up
practice-stage-ended = Ended
practice-actor-public = Public sector
practice-actor-private = Private sector
practice-actor-academia = Academia
practice-actor-civil_society = Civil society
practice-budget-under_50k = Under 50,000 €
practice-budget-50k_250k = 50,000 to 250,000 €
practice-budget-250k_1m = 250,000 € to 1 million €
practice-budget-over_1m = Over 1 million €
practice-effort-low = Low
practice-effort-medium = Medium
practice-effort-high = High
practice-inequality-income = Income
practice-inequality-gender = Gender
practice-inequality-age = Age
practice-inequality-disability = Disability
practice-inequality-territorial = Territorial
practice-inequality-digital = Digital divide
practice-inequality-migration = Migration
practice-none = —
practices-title = Good practices
practices-intro = Practices that member cities reported to the study, for other cities to reuse. Search in Spanish, English or French; accents are optional.
practices-search-label = Search practices
practices-search-button = Search
practices-order = Order
practices-order-relevance = Best match
practices-order-newest = Newest
practices-found = { $count ->
    [one] One practice
   *[other] { $count } practices
}
practices-nothing = No practice matches. Try fewer words or remove a filter.
practices-filters = Filters
practices-facet-axis = Axis
practices-facet-sub_area = Sub-area
practices-facet-sdg = SDG
practices-facet-section = UCLG section
practices-facet-band = Population
practices-facet-edition = Edition
practices-facet-budget = Budget
practices-facet-status = Status
practices-remove-filter = Remove filter: { $name }
practices-clear = Clear all filters
practices-pages = Page { $page } of { $pages }
practices-previous = Previous
practices-next = Next
practices-feed = Newly published practices (Atom feed)
practices-feed-title = Smart Cities Study: newly published good practices
practices-propose = Propose a practice
practice-written-in = Written in { $language }.
practice-translated-from = Translated from { $language }.
practice-illustrative = Illustrative practice written for the demonstration.
practice-city = City
practice-editions = Reported in
practice-when = Dates
practice-sdgs = SDGs
practice-about = The practice
practice-transferability = Transferability
practice-results-heading = Results
practice-more = Read more
practice-related = Related practices
practice-reason-sub_area = Same sub-area: { $name }
practice-reason-axis = Same axis: { $name }
practice-reason-sdgs = Shared SDGs: { $goals }
practice-reason-section = A city of { $name }
practice-reason-band = A city of the same size ({ $name })
practice-reason-peer = { $city } answered the study much like this city
practice-versions = Versions
practice-version-line = Version { $version } · { $status } · { $by } · { $at }
practice-pictures = Pictures
practice-picture-alt = Picture { $number }
practice-picture-add = Add a picture
practice-picture-remove = Remove picture { $number }
practice-edit = Edit
practice-edit-title = Edit “{ $title }”
practice-propose-title = Propose a practice of { $city }
practice-writing-in = You are writing in { $language }.
practice-translating = This practice was written in { $original }: what you type here is saved as its { $language } translation; the original stays as it is.
practice-save = Save
practice-save-draft = Save as a draft
practice-decision = Decision
practice-publish = Publish
practice-return = Return to the city
practice-return-comment = What should the city change?
practice-comment-from-secretariat = The secretariat returned this practice: { $comment }
practice-needs-consent = Not yet publishable: the city has not agreed to publish it.
practice-saved-flash = The practice was saved.
practice-proposed-flash = The practice was proposed: the secretariat will review it.
practice-published-flash = The practice is published.
practice-returned-flash = The practice was returned to the city with your comment.
practice-status = Status
practice-of-city = Practices of { $city }
practice-learn-from = Learn from other cities
practice-learn-from-intro = Published practices of other cities that work where { $city } lacks what most cities have, in the latest published edition.
practice-errors = Some fields need attention:
review-practices = Good practices in this response
review-practice-comment = Comment on this practice
cancel = Cancel
practice-label-targets = SDG targets
practice-label-started = Started
practice-label-ended = Ended
practice-label-technologies = Technologies
practice-sdg-short = SDG
autosave-problems = { $count ->
        [one] { $count } answer to correct: see the message beside it.
       *[other] { $count } answers to correct: see the messages beside them.
    }
submitted-heading = Answers submitted
submitted-thanks = Thank you: { $city }'s answers were submitted on { $when }.
submitted-next-heading = What happens next
submitted-next-review = The secretariat reviews the answers, and may ask for evidence of some of them.
submitted-next-mail = You will receive an e-mail when they are accepted, or if they are returned with comments to address; then they can be changed and submitted again.
submitted-next-findings = Accepted answers are part of the edition's analysis; the findings show profiles and shares of cities, never a ranking.
overview-how-heading = How to answer
overview-deadline = Deadline: { $date }
overview-how = Answer each page in the list above: your answers are saved as you type, and the bar beside each page shows how far it is answered. When every required answer is given, review them and submit. You can also download the workbook, answer offline and upload it.
overview-contact = Questions? Write to the community's secretariat from the address that invited you, or reply to its e-mail.
overview-to-address = Comments to address
overview-to-address-intro = The secretariat returned the answers with these comments. Correct what is needed on each page and submit again.
footer-api = Open data: JSON API (OpenAPI description)
city-map-description = A world map with { $country } shaded and a dot on { $city }.
review-staff-heading = Review of { $city }’s answers
refused-deadline-passed = The deadline { $deadline } has passed: choose a day ahead.
refused-deadline-before-call = The deadline { $deadline } is not after the call for participation ({ $call }).
question-choices = { $count ->
        [one] { $count } option
       *[other] { $count } options
    }
campaign-show = Show
campaign-show-all = All cities
campaign-show-awaiting = Awaiting review
campaign-show-returned = Returned
campaign-show-silent = Silent (nothing answered)
workshop-id-taken = A workshop with the id { $id } exists already: choose another id, or edit that workshop.
workshop-title = Workshop in { $language }, { $date }
picker-filter = Find a city
picker-chosen = { $count ->
    [one] 1 city chosen
   *[other] { $count } cities chosen
}
campaign-preview-heading = Before inviting
campaign-preview-intro = { $count ->
    [one] One member city has not been invited yet. Its focal points will receive the mail below, each with a personal link.
   *[other] { $count } member cities have not been invited yet. Their focal points will receive the mail below, each with a personal link.
}
campaign-preview-no-focal-point = no focal point: the city is added to the campaign, but nobody gets a mail
campaign-preview-mail = The mail
campaign-preview-send = { $count ->
    [one] Send the invitation
   *[other] Send { $count } invitations
}
campaign-preview-cancel = Cancel
campaign-preview-none = Every active member city has been invited already. Use the reminders for those who have not answered.
cond-this-answer = this answer
cond-or = { $a } or { $b }
cond-and = { $a } and { $b }
cond-eq = { $a } is { $b }
cond-ne = { $a } is not { $b }
cond-lt = { $a } is less than { $b }
cond-le = { $a } is at most { $b }
cond-gt = { $a } is more than { $b }
cond-ge = { $a } is at least { $b }
cond-add = { $a } + { $b }
cond-sub = { $a } − { $b }
cond-mul = { $a } × { $b }
cond-div = { $a } ÷ { $b }
cond-mod = remainder of { $a } ÷ { $b }
cond-not = not ({ $a })
cond-selected = { $a } includes { $b }
cond-count-selected = number of options chosen in { $a }
cond-length = length of { $a }
cond-true = always
cond-false = never
cond-if = if { $a } then { $b }, else { $c }
cond-in-words = In words
cond-build = Build a condition
cond-build-intro = Choose a question, a comparison and a value; the condition is added to the one above (with “and”) when you save.
cond-question = Question
cond-comparison = Comparison
cond-value = Value
cond-pick-eq = is
cond-pick-ne = is not
cond-pick-lt = is less than
cond-pick-le = is at most
cond-pick-gt = is more than
cond-pick-ge = is at least
cond-pick-selected = includes
editor-campaign-open = The campaign is open: { $cities ->
    [one] one city is
   *[other] { $cities } cities are
} answering this questionnaire. Every change reaches their forms at once; a new required question is asked of cities that have not submitted yet.
editor-delete-confirm = Remove the question { $name }?
editor-delete-confirm-intro = The question leaves the questionnaire in a new version; earlier versions keep it. It has no answers.
editor-delete-yes = Yes, remove it
editor-delete-no = No, keep it
question-hint-unit = Unit: { $unit }
unit-count = number
unit-percent = %
unit-km = km
unit-year = year
unit-years = years
unit-firms_per_1000_inhabitants = firms per 1,000 inhabitants
results-index-alpha-none = not computable (fewer than two indicators, or fewer than two cities answering all of them)
results-index-pc1-none = not computable (fewer than three cities answering all indicators)
results-index-interval-chart = Interval as a bar
results-method-heading = Method and provenance
results-text-question = Answers to this question are free text: they are summarised by coding them into categories, shown with the barriers and enablers.
results-no-answers = No city has answered this question yet.
nav-events = Events
events-heading = Events
events-intro = Webinars, learning meetings with partner organisations and presentations of the study, past and to come.
events-subscribe = Subscribe to the calendar (iCalendar)
events-feed-title = Smart Cities Study: events
events-upcoming = Coming up
events-past = Past events
events-none-upcoming = No event is announced yet.
events-none-past = No event has been recorded yet.
events-private = not public
events-audience = Audience
events-partners = Partners
events-attendance = { $count ->
    [one] 1 participant
   *[other] { $count } participants
}
events-component = Component
events-material = material { $n }
events-edit = Correct this event
events-record = Record an event
events-correct = Correct an event
events-not-saved = Nothing was saved: see the fields marked below.
events-field-id = Identifier
events-id-rule = lower-case letters, digits and hyphens, e.g. 2026-03-webinar-open-data
events-field-title = Title
events-field-kind = Kind
events-field-language = Language of the event
events-field-starts = First day
events-field-ends = Last day (for events of several days)
events-field-place = Place (empty for an online event)
events-field-audience = Audience
events-field-materials = Materials: one link per line
events-field-attendance = Participants (once known)
events-field-edition = Edition of the study it concerns
events-field-public = Show on the public calendar and feed
events-save = Save the event
event-online = Online
event-kind-webinar = Webinar
event-kind-learning_meeting = Learning meeting
event-kind-presentation = Presentation of the study
event-kind-partner_meeting = Meeting with a partner organisation
event-kind-statutory_meeting = Meeting of the network's bodies
component-implementation = Implementation
component-representation = Representation
component-monitoring = Monitoring and follow-up
component-learning = Learning
component-strengthening = Strengthening the network
event-problem-title = give a title of 1 to { $max } characters
event-problem-day = give the day, as 2026-03-12
event-problem-order = the event cannot end before it starts
event-problem-long = keep this text under { $max } characters
event-problem-links = give at most { $max } links
event-problem-link = { $link } is not an http or https link
event-problem-partner = { $partner } is not a partner organisation of the community
event-problem-language = choose Spanish, English or French
event-problem-attendance = give a whole number of participants
event-problem-id = give an identifier of 3 to 80 lower-case letters, digits and inner hyphens, or leave it blank to make one from the title
event-problem-date = give a date as 2027, 2027-03 or 2027-03-12
event-problem-choice = choose one of the options
events-id-blank = leave blank to make it from the day and the title
refused-event-invalid = The event was not saved:
refused-event-id-taken = An event with the id { $id } exists already: choose another id, or correct that event.

## Community: forms, renewal, the progress report
community-problem-missing = this field is required
community-problem-control = Write this on one line, without line breaks or tabs.
community-problem-email = this is not an e-mail address
community-problem-focal-points = name between one and { $max } focal points
refused-community-invalid = Nothing was saved:
refused-round-open = The renewal round { $round } is still open; close it before opening another.
refused-round-closed = This renewal round is closed.
refused-own-account = You cannot disable or erase your own account; ask another member of the secretariat.
refused-confirmation-needed = To confirm, type the address again in the confirmation field.
refused-account-disabled = This account is disabled. Write to the secretariat to have it enabled again.
refused-too-many-applications = Too many applications were sent in the last hour. Please try again in an hour, or write to the secretariat.
refused-round-closes-in-past = The round must close on a day after today.
refused-already-decided = This application was already decided.
activity-status-planned = Planned
activity-status-under_way = Under way
activity-status-done = Done
activity-status-cancelled = Cancelled
progress-title = Progress report to the World Secretariat
progress-period = Period
progress-drawn-up = Drawn up on
progress-section-activities = Main activities, by component of the network's strategic priorities
progress-activities = Activities of the plan
progress-events = Events
progress-figures = Figures
progress-nothing = Nothing in this period.
progress-leadership = Update on the leadership of the community
progress-summary = Summary of the period's results
progress-online = online
progress-edition = Edition { $year }
progress-reported-cities = { $cities ->
        [one] { $cities } participating city
       *[other] { $cities } participating cities
    }, as the edition reported
progress-participation = { $invited ->
        [one] { $invited } city invited
       *[other] { $invited } cities invited
    }, { $answered } answered ({ $rate }), { $accepted } accepted
progress-practices-published = Good practices published in the period
progress-practices-total = Good practices in the catalogue
progress-lead = { $city } leads the community, represented by { $representative }, { $office }.
progress-presentations = Presentations of the study
progress-round-open = open
progress-round-closed = closed
progress-round = { $state }: { $confirmed } confirmed, { $updated } updated, { $left } left, { $silent } without answer
progress-learning-events = Webinars and learning meetings
progress-attendance = Participants in all
progress-applications = Applications to join
progress-applications-detail = { $received } received, { $approved } approved
progress-downloads = Downloads of the { $year } edition
progress-council-nothing = has not received findings yet
progress-council-received = received the findings of { $editions }
progress-lead-since = { $city } has led the community since { $since }.
progress-no-leadership = No leadership is on record.
progress-summary-edition = { $year } edition, "{ $title }" ({ $cities ->
        [one] { $cities } city
       *[other] { $cities } cities
    })
progress-summary-work = In the period { $period } the community worked on { $count ->
    [0] no edition of the study
    [one] one edition of the study: { $editions }
   *[other] { $count } editions of the study: { $editions }
}. { $practices ->
        [one] { $practices } good practice was published
       *[other] { $practices } good practices were published
    } in the catalogue, and the published editions were downloaded { $downloads ->
        [one] { $downloads } time
       *[other] { $downloads } times
    } from the site.
progress-summary-no-renewal = no renewal of the member list took place
progress-summary-renewal = the member list was renewed ({ $confirmed ->
        [one] { $confirmed } member stayed
       *[other] { $confirmed } members stayed
    }, { $left } left, { $silent } { $closed ->
        [yes] lapsed without answering
       *[other] have not answered yet
    })
progress-summary-network = The community held or took part in { $events ->
        [one] { $events } event
       *[other] { $events } events
    } with { $attendance ->
        [one] { $attendance } participant
       *[other] { $attendance } participants
    } in all, working with { $partners ->
        [one] { $partners } partner organisation
       *[other] { $partners } partner organisations
    }; { $renewal }. It has { $active ->
        [one] { $active } active member.
       *[other] { $active } active members.
    }
nav-community = Community
renewal-page-heading = Membership of { $city }
renewal-closes = answers until { $date }
renewal-thanks = Thank you: your answer is recorded. You can change it until the round closes.
renewal-your-answer = Your answer
renewal-stay = Stay a member
renewal-stay-intro = Check the people the community writes to about the study. Correct or add them, or confirm them as they are.
renewal-focal-points = Focal points
renewal-focal-name = Name
renewal-focal-role = Position
renewal-focal-email = E-mail
renewal-focal-hint = Leave a row empty to remove that person.
renewal-confirm = Confirm: these details are right
renewal-update = Save the corrected details
renewal-leave-heading = Leave the community
renewal-leave-note = Why the city leaves (optional)
renewal-leave = Leave the community
renewal-answer-waiting = No answer
renewal-answer-confirmed = Confirmed
renewal-answer-updated = Updated
renewal-answer-left = Left
renewal-heading = Renewal of the member list
renewal-intro = Each member's focal points get a link to confirm or correct the city's contacts, or to leave. Members that do not answer by the close lapse; nothing is deleted.
renewal-opened = opened { $date }
renewal-remind = Remind members without an answer
renewal-close-confirm = I understand that { $count ->
        [one] { $count } member without an answer will lapse
       *[other] { $count } members without an answer will lapse
    }
renewal-close = Close the round
renewal-filter = Show
renewal-col-answer = Answer
renewal-col-when = When
renewal-col-reminders = Reminders
renewal-col-note = Note
renewal-open-heading = Open a renewal round
renewal-field-title = Title of the round
renewal-field-closes = Last day to answer
renewal-open-hint = Every active member becomes "pending renewal", and each of its focal points is mailed the city's link.
renewal-open = Open the round and mail the members
renewal-past = Earlier rounds
renewal-notice-opened = The round is open; the mails are in the outbox.
renewal-notice-reminded = Reminders are in the outbox.
renewal-notice-closed = The round is closed; members without an answer have lapsed.
renewal-notice-approved = The city is now a member; the applicant will be told by mail.
renewal-notice-declined = The application is declined; the applicant will be told why by mail.
renewal-notice-spam = The application is marked as spam: it leaves the lists and counts, and nobody is mailed.
applications-heading = Applications to join
applications-none = No city has applied.
applications-reason = Reason
applications-latitude = Latitude (for the members map)
applications-longitude = Longitude
applications-approve = Approve
applications-decline = Decline, with the reason above
applications-spam = Mark as spam
application-status-pending = Waiting for a decision
application-status-approved = Approved
application-status-declined = Declined
application-status-spam = Spam
join-heading = Apply to join
join-intro = Cities that want to take part in the community and its study apply here. The secretariat answers by mail.
join-sent = Thank you: the application is recorded. The secretariat will answer by mail.
join-city = City
join-motivation = Why the city wants to join (optional)
join-send = Send the application
join-trap = Leave this field empty
community-heading = The community
members-staff-note = You see every member on record; the public sees the current ones (active or asked to renew).
community-intro = Who leads the community of practice, where it is represented, and its plan of activities by semester.
community-leadership = Leadership
community-bodies = Bodies of the network the lead takes part in
community-councils = Political councils that should receive the findings
community-plan = Activity plan
community-plan-empty = No activity is planned yet.
community-report-intro = The report to the World Secretariat: a section per component with its activities and figures, the leadership update and a summary of results.
community-report-from = First month
community-report-to = Last month
community-report-lang = Language
community-report-summary = Summary of results
community-report-summary-hint = Left empty, the summary is drafted from the data.
community-report-draft = Start from the drafted summary
community-report-html = Make the report (web page)
community-report-pdf = Make the report (PDF)
community-leadership-edit = Correct the leadership
community-lead-city = Lead city
community-representative = Representative
community-office = Office
community-since = Leading since (year, or year and month)
community-update = Update on the leadership for the report
community-bodies-field = Bodies of the network and the lead's role in each; empty a row to remove it
community-councils-field = Political councils and the editions whose findings each received; empty a row to remove it
community-activity-edit = Correct an activity
community-activity-new = Plan an activity
community-activity-title = What is done
community-semester = Semester (e.g. 2027-S1)
community-owner = Who carries it out
community-activity-start = Start (optional: YYYY-MM or YYYY-MM-DD)
community-activity-end = End (optional)

# Collection and publication kept apart
refused-not-open-yet = The { $edition } edition does not take answers yet.
refused-collection-closed = The { $edition } edition no longer takes answers.
refused-deadline-behind = The deadline for answers to the { $edition } edition was { $date }.
refused-write-to-secretariat = To change an answer, write to the secretariat: { $contact }
refused-already-public = Version { $version } is public already.
refused-version-withdrawn = Version { $version } was withdrawn; publish a new version instead.
refused-moment-passed = “{ $at }” is not a moment still to come: choose a date and time ahead.
refused-collection-unchanged = Collection cannot do that now: it is { $state }.
collection-planning = not open yet
collection-open = open
collection-closed = closed
collection-state = Answers
collection-reopen = Reopen for answers
collection-close = Close collection
collection-extend-city = Give one city longer
collection-extend-until = until
collection-extend = Give it longer
collection-choose-city = Choose a city
collection-bad-date = Write the date as YYYY-MM-DD.
collection-confirm-heading = Confirm
collection-confirm-open = Cities will be able to answer until { $date } (included).
collection-confirm-close = Cities will no longer be able to answer. What they saved is kept; you can reopen collection later.
collection-confirm-extend = This city will be able to answer until { $date } (included), whatever the edition's deadline.
collection-confirm-mailed = { $count ->
    [one] One city still answering will be told by mail:
   *[other] { $count } cities still answering will be told by mail:
}
collection-confirm-nobody = Nobody is mailed: no city is answering yet.
collection-confirm-button = Confirm
collection-opened-notice = Collection is open. Cities told: { $cities }; messages in the outbox: { $mails }.
collection-closed-notice = Collection is closed. Cities told: { $cities }; messages in the outbox: { $mails }.
collection-extended-notice = The city has longer to answer. Messages in the outbox: { $mails }.
collection-own-deadline = until { $date }
status-closed = Answers closed
status-collecting-published = Collecting answers; provisional findings published
pub-publish-provisional = Cities are still answering: a version made now says on every page and file that its findings are provisional. Making it does not close collection.
pub-publish-collection-kept = Making a version never changes whether cities can answer.
pub-changes-field = What changed since version { $version } ({ $language })
pub-when = When does it go public?
pub-when-preview = Keep it private: I will preview it first
pub-when-now = Public as soon as it is made
pub-when-at = At a date and time:
pub-at-local = Date and time
pub-at-zone = Time zone
pub-provisional = provisional
pub-make-public = Make version { $version } public now
pub-schedule = Schedule
pub-unschedule = Cancel the schedule (keep it private)
pub-state-public = public since { $at }
pub-state-scheduled = private until { $at } (UTC), then public
pub-state-preview = private preview
pub-public-flash = Version { $version } is public.
pub-scheduled-flash = Version { $version } will go public at the time set.
pub-unscheduled-flash = Version { $version } is a private preview again.
pub-publish-button = Make version { $version }
pub-published-flash = Version { $version } is made: public, scheduled or a private preview, as chosen (see below).
pub-provisional-short = Provisional findings.
pub-provisional-note = This version was made while cities were still answering: { $answering } of { $invited ->
        [one] { $invited } invited city had answered.
       *[other] { $invited } invited cities had answered.
    } Its figures will change.
pub-changes = What changed
pub-changes-auto = Version { $version } was based on the answers of { $before } cities; this one on { $now }.

## Personal data
privacy-heading = Privacy
privacy-what-we-keep = What we keep about you, and why.
privacy-intro = This platform runs the Smart Cities Study of a network of cities. It keeps as little about people as that work needs, and nothing is sold or shared for other purposes.
privacy-what-heading = What is kept
privacy-what-accounts = For people who sign in: name, e-mail address, role, the city answered for, the password as a one-way hash, and the sessions in use.
privacy-what-focal = For each member city's focal points: name, position and e-mail address, to send invitations, reminders and renewal requests.
privacy-what-applications = For cities applying to join: the contact's name, position and e-mail address, and the reason given.
privacy-what-answers = For each answer a city gives: who saved or reviewed it, and when, so that the city and the secretariat can follow its history.
privacy-what-practices = For a good practice: the contact its city names, if any.
privacy-what-technical = Technical records: failed sign-ins for a quarter of an hour, the mail waiting to be sent, and an anonymous fingerprint of the sender of public forms (never the address itself) to limit abuse.
privacy-why-heading = Why
privacy-why = To run each edition of the study with its member cities (invitations, answers, review, publication), to keep the member list current, and to protect the platform from abuse. Published results are about cities, never about people.
privacy-how-long-heading = For how long
privacy-how-long-accounts = Accounts and focal points: as long as the person takes part, or until they ask for erasure.
privacy-how-long-applications = Declined applications: { $declined } days after the decision. Applications marked as spam: { $spam } days.
privacy-how-long-technical = Failed sign-ins: 15 minutes. Sessions: until they expire or the person signs out.
privacy-rights-heading = Your rights, and whom to ask
privacy-rights = You may ask for a copy of everything kept about you, for a correction, or for erasure. The secretariat answers within a month. After erasure, the answers you gave stay with your city, attributed to “a former contact”.
privacy-contact = Write to the secretariat
privacy-contact-secretariat = Write to the secretariat of the community at the address in its invitations.
people-heading = Personal data
people-intro = Find what the platform holds about a person, give it to them, disable their account, or erase them on request.
people-find = Find
people-held = What is held about { $email }
people-nothing = Nothing is held about this address.
people-account = An account: { $name } ({ $role })
people-disabled = disabled
people-focal = Focal point of { $city }: { $name }, { $role }
people-applications = { $count ->
    [one] One application to join
   *[other] { $count } applications to join
}
people-practice = Contact of the practice
people-records = { $count ->
    [one] One record made, in
   *[other] { $count } records made, in
}
people-mails = { $count ->
    [one] One mail to this address
   *[other] { $count } mails to this address
}
people-export = Download everything as a JSON file
people-disable = Disable the account (its sessions end now)
people-enable = Enable the account again
people-erase-explained = Erasing deletes the account, focal points, applications, the practices' contact and the mail to this address. Answers and reviews stay with their city, attributed to “a former contact”. This cannot be undone.
people-erase-confirm = To confirm, type the address again
people-erase = Erase this person
people-done-disabled = The account is disabled: its sessions ended.
people-done-enabled = The account is enabled again.
people-done-erased = The person's data is erased.
people-former-contact = a former contact

## Drafted findings: every sentence states its figure
sentence-answer-yes = answer yes to “{ $question }”
sentence-spread-most = Most cities ({ $share }) { $predicate }.
sentence-spread = { $share } of cities { $predicate }.
sentence-spread-few = Few cities ({ $share }) { $predicate }.
sentence-listed = { $predicate } ({ $share })
sentence-city-one-of = { $city } is one of the { $share } of cities that { $predicate }.
sentence-city-not-yet = { $share } of cities { $predicate }; { $city } does not yet.
sentence-city-level = { $city } is one of the { $share } of cities at “{ $level }” or above for “{ $question }”.
sentence-city-below = { $share } of cities are above “{ $level }”, where { $city } stands, for “{ $question }”.
sentence-axis = { $axis }: { $finding }
pub-practice-shown-in = Not yet translated: shown in { $language }, as written.
statements-heading = Statements for drafted findings
statements-intro = Drafted findings are written from yes/no questions only, so these are listed here. For each, what a city answering yes does, with "cities" as its subject ("have a climate action plan in force"). Drafted findings use it instead of quoting the question; a language left empty is not drafted from. At most 200 characters.
statements-save = Save the statements
statements-saved = Statements saved as framework version { $version }.
statements-link = Statements for drafted findings
pub-legend-share = Share of the answering cities
pub-legend-interval = 95 % interval
event-problem-capacity = give a number of places of at least 1, or leave it blank
event-problem-time = give a time of day, as 10:00
event-problem-zone = choose a time zone from the list, as Europe/Madrid
events-field-texts = Texts in each language
events-texts-hint = Write the texts in the language you know; leave a language blank until someone translates them. Readers see the original, marked as such, where a translation is missing.
events-field-original = Written first in
events-field-starts-at = Starts at (local time)
events-field-ends-at = Ends at (local time)
events-field-zone = Time zone of the place (or of the organisers, online)
events-field-online = Link to follow it online
events-field-registration = Registration link
events-field-capacity = Places (empty if not limited)
events-join = Join online
events-register = Register
events-capacity = { $count ->
        [one] { $count } place
       *[other] { $count } places
    }
events-hours = { $starts }–{ $ends } ({ $zone }, { $offset })
events-hours-start = { $starts } ({ $zone }, { $offset })
events-your-time = your time:
events-missing = Missing translations
events-missing-count = { $count ->
        [one] { $count } event has no text in { $language }
       *[other] { $count } events have no text in { $language }
    }
events-missing-show = show them
events-missing-all = show every event
events-missing-none = Every event has its texts in the three languages.
events-showing-missing = Showing only the events with no text in { $language }.
text-original-in = Original in { $language }
text-translated-from = Translated from { $language }
progress-lead-no-office = { $city } leads the community, represented by { $representative }.
community-body = Body { $n }
community-body-role = Role in body { $n }
community-council = Council { $n }
community-council-received = Editions council { $n } received (e.g. 2019, 2021)
translations-heading = Texts missing a translation
translations-intro = Each kind of text people write for the public, how many there are, and how many lack a text in each language. Readers see the original, marked as such, where a translation is missing.
translations-col-kind = Kind of text
translations-col-items = Items
translations-col-missing = Without { $language }
translations-kind-events = Events
translations-kind-activities = Activities of the plan
translations-kind-leadership = Leadership record
translations-kind-renewal-rounds = Renewal rounds
translations-kind-partners = Partner organisations
translations-kind-practices = Practices of the catalogue
translations-kind-questions = Questions of the questionnaires
city-names-edit = Names in each language
city-names-heading = Names of { $city }
city-names-intro = The English name is the registry's and is shown wherever a language has no name of its own. Leave the Spanish or French name blank when it is the same as the English one.
city-names-en = Name in English
city-names-es = Name in Spanish
city-names-fr = Name in French
city-names-save = Save the names
city-names-back = Back to { $city }
synonyms-heading = Search synonyms
synonyms-intro = Words a search should treat as the same, per language: one group per line, words separated by commas (for example "bike, bicycle, cycling"). A search in that language for one word of a group finds what any of them finds.
synonyms-field = Groups of synonyms in { $language }
synonyms-save = Save the { $language } synonyms
synonyms-saved = The { $language } synonyms are saved; searches use them from now on.
synonyms-none = No synonyms yet.
synonyms-back = Back to the catalogue
synonyms-link = Search synonyms
synonyms-problem-groups = At most { $max } groups per language.
synonyms-problem-alone = Line { $line }: a group needs at least two different words, separated by commas.
synonyms-problem-words = Line { $line }: at most { $max } words per group.
synonyms-problem-word = Line { $line }: "{ $word }" is not a word: use letters and digits only, at most { $max } characters.
community-activity-correct = Correct this activity
community-leadership-save = Save the leadership
community-activity-save = Save the activity
synonyms-one-per-line = One group per line, words separated by commas

## A city's answering team
team-link = { $count ->
    [one] Team (one person)
   *[other] Team ({ $count } people)
}
team-heading = Who answers
team-intro = A study on six axes needs several departments. The focal point brings in colleagues and gives each the sections they answer; a colleague reads every section and saves only theirs. Every save is signed with the name of whoever made it, and the focal point submits the answers.
team-members = The team
team-focal-point = Focal point
team-colleague = Colleague
team-sections = Sections
team-sections-of = Sections { $name } answers
team-save-sections = Save sections
team-end = End access
team-ended = access ended on { $date }
team-answers-saved = { $count ->
    [one] one answer stands as theirs
   *[other] { $count } answers stand as theirs
}
team-invite-heading = Invite a colleague
team-invite-intro = They get a link to set their password, in the language you choose, and can then answer the sections you tick.
team-name = Name
team-mail-language = Language of the mail
team-invite = Invite
team-invited = Invitation sent to { $email }.
team-focal-heading = Change the focal point
team-focal-intro = The new focal point answers every section and submits; the previous focal point's account is disabled, and the registry names the new one. A colleague with this address becomes the focal point.
team-role = Position
team-focal-change = Make focal point
team-your-sections = Your sections: { $sections }. You can read the others; the focal point submits the answers.
team-yours = yours
team-read-only-section = A colleague answers this section: you can read it but not change it.
team-section-answered-by = Answered by { $names }.
review-who-heading = Who answered
review-answered-by = by { $name }
team-name-missing = Give the person's name.
team-name-invalid = A name has at most { $max } characters and no control characters.
team-address-invalid = This is not an e-mail address.
team-address-taken = This address already belongs to someone who cannot take this place (another city's respondent, the secretariat, an analyst or this city's focal point).
team-no-sections = Tick at least one section for the colleague to answer.
team-unknown-section = The questionnaire has no section “{ $section }”.
team-not-a-colleague = This person is not a colleague of the city's team.
team-not-your-section = “{ $section }” is answered by someone else in your city's team: nothing was saved.
team-focal-point-only = Only the city's focal point (or the secretariat) can do this.
team-mail-colleague-subject = Smart Cities Study — { $city }: { $inviter } asks you to answer part of the questionnaire
team-mail-colleague-body = { $inviter } invites you to answer these sections of { $city }'s questionnaire for “{ $edition }”: { $sections }.

    You can read the rest of the questionnaire; { $inviter } submits the answers. Open this link to set your password and start:

    { $link }
team-mail-focal-subject = Smart Cities Study — { $city }: you are now the focal point
team-mail-focal-body = The secretariat has made you { $city }'s focal point for “{ $edition }”: you answer every section, can bring in colleagues for some of them, and submit the answers.

    { $link }

## The inbox on a person's page
inbox-heading = Waiting for you
inbox-empty = Nothing is waiting for you.
inbox-awaiting-review = { $count ->
    [one] One response to { $year } awaits your review
   *[other] { $count } responses to { $year } await your review
}
inbox-draft-practices = { $count ->
    [one] One practice in draft
   *[other] { $count } practices in draft
}
inbox-applications = { $count ->
    [one] One application to join awaits a decision
   *[other] { $count } applications to join await a decision
}
inbox-renewal-round = The renewal round “{ $name }” is open
inbox-mail-failures = { $count ->
    [one] One mail could not be delivered
   *[other] { $count } mails could not be delivered
}
inbox-stale-results = The results of { $year } no longer match the answers: analyse again
inbox-answer = Answer the { $year } questionnaire
inbox-answer-due = Answer the { $year } questionnaire by { $date }
inbox-returned = Your answers to { $year } were returned with comments: correct and submit again
inbox-practices-returned = { $count ->
    [one] One of your city's practices was returned with comments
   *[other] { $count } of your city's practices were returned with comments
}
inbox-your-sections = (your sections: { $sections })

## The reviewer's aids
evidence-save-all = Save every evidence level
review-changed = changed since returned
review-previous = Previous edition
review-changed-since = { $count ->
    [one] Returned to the city on { $date }; one answer changed since.
   *[other] Returned to the city on { $date }; { $count } answers changed since.
}
review-outliers = { $count ->
    [one] One figure stands out: check it with the city.
   *[other] { $count } figures stand out: check them with the city.
}
review-outlier-fences = { $cities ->
    [one] Outside the range most cities gave ({ $low } to { $high }, { $cities } city).
   *[other] Outside the range most cities gave ({ $low } to { $high }, from { $cities } cities).
}
review-outlier-change = More than twice, or under half, the city's { $year } figure ({ $from }).
review-reviewer = Reviewer
review-nobody = Nobody yet
review-assign = Assign
inbox-assigned-to-you = { $count ->
    [one] One response to { $year } is assigned to you for review
   *[other] { $count } responses to { $year } are assigned to you for review
}
coding-filter-question = Question
coding-filter-section = Section
coding-filter-coder = Coded by
coding-filter-state = State
coding-filter-any = Any
coding-filter-apply = Show
coding-state-todo = Not yet coded by you
coding-state-done = Coded by you
coding-none-kept = No answer fits these filters.

## Approving a city with the gazetteer, and the welcome
applications-place = { $name } ({ $country }, { $region }) · { $population } inhabitants · { $lat }, { $lon }
applications-places = Places of this name in the gazetteer
applications-places-source = Coordinates and population from GeoNames (CC BY 4.0), named as the city's source.
applications-approve-as = Approve as the place chosen
applications-or-typed = Or, for a place the gazetteer does not have, type its position:
applications-no-place = The gazetteer has no place of this name in this country: type its position.
welcome-mail-subject = Welcome to the UCLG Community of Practice on Digital Cities: { $city }
welcome-mail-body = Dear { $name },

    { $city } is now a member of the UCLG Community of Practice on Digital Cities.

    What membership brings:
    - The Smart Cities Study: in every edition your city answers one questionnaire on the six axes (economy, citizenship, governance, mobility, environment and quality of life), online or offline, in Spanish, English or French, and can share its sections with colleagues.
    - Your city's good practices in the public catalogue, where other cities find them by theme and by Sustainable Development Goal.
    - The study's report, city sheets and open data, which describe where cities stand as shares and profiles, never as a ranking.
    - The network's events with partner organisations.

    What comes next:
    1. When the next edition opens, you will receive an invitation with a personal link to answer for your city.
    2. Once a year the secretariat asks every member to confirm its contacts.
    3. Your city's page on the platform: { $link }

    The secretariat
declined-mail-subject = Your application to join: { $city }
declined-mail-body = We cannot accept { $city }'s application to join the community for now. The secretariat gives this reason:

    { $reason }
remind-preview-heading = Remind cities before sending
remind-preview-intro = These cities can still answer. Silent cities (nothing answered yet) are ticked; tick or untick any, then send. Each person gets their own link.
remind-preview-cities = Cities to remind
remind-preview-send = Send the reminders
remind-preview-nobody = Every invited city has submitted: nobody to remind.

## A new edition made on the web
new-edition-heading = New edition
new-edition-intro = A new edition starts in planning as a copy of a previous one: its axes (and how they map to the six study axes), its questions and its questionnaire. Each copied question points to the one it was copied from, so trends follow it. Change the questionnaire afterwards.
new-edition-refused = The edition was not created:
new-edition-copy-from = Copy the framework and questionnaire of
new-edition-year = Year
new-edition-focus-holistic = All six axes
new-edition-title-es = Title in Spanish
new-edition-title-en = Title in English
new-edition-title-fr = Title in French
new-edition-call = Call for participation (optional)
new-edition-deadline = Deadline for questionnaires (optional)
new-edition-create = Create the edition
new-edition-year-invalid = Year: give a year of four digits, like 2027.
new-edition-year-taken = Year: an edition { $year } exists already.
new-edition-copy-unknown = Copy: choose an edition to copy.
new-edition-focus-invalid = Focus: choose all six axes or one of them.
new-edition-title-missing = Title in { $language }: it is missing.
new-edition-title-invalid = Title in { $language }: at most { $max } characters, without control characters.
new-edition-date-invalid = Dates: write them as YYYY-MM-DD.
new-edition-deadline-before-call = Dates: the deadline must come after the call for participation.
new-edition-copied-note = copied from the edition of
remind-preview-failing = Mail to this address is failing
editor-kind-integer = Whole number
editor-kind-decimal = Number with decimals
editor-kind-text = Text
editor-kind-date = Date
editor-kind-file = File (document)
editor-kind-image = Photo
editor-kind-yes-no = Yes or no
editor-kind-scale = Scale ({ $list })
editor-kind-one-of = One of a list ({ $list })
editor-kind-several-of = Several of a list ({ $list })

## Campaign mail: texts per language, scheduled reminders, prospects
campaign-mail-invitation-subject = Smart Cities Study — { $city } is invited to answer “{ $edition }”
campaign-mail-invitation-intro = Your city, { $city }, is invited to answer the questionnaire of “{ $edition }”. Answers are taken until { $deadline }.
campaign-mail-invitation-action = Open this link to set your password and start:
campaign-mail-reminder-subject = Smart Cities Study — reminder: { $city }
campaign-mail-reminder-intro = { $city }'s answers to “{ $edition }” are not submitted yet. Answers are taken until { $deadline }.
campaign-mail-reminder-action = You can continue where you left off:
campaign-mail-no-deadline = the deadline the secretariat will announce
campaign-mail-other-languages = The same link in another language:
campaign-collection-closed-subject = Smart Cities Study — answers closed: “{ $edition }”
campaign-collection-closed-body = “{ $edition }” no longer takes answers: the secretariat closed the questionnaire. Answers already saved are kept.
campaign-collection-deadline-subject = Smart Cities Study — deadline for { $city }
campaign-collection-deadline-body = “{ $edition }” takes { $city }'s answers until { $deadline } (included).
campaign-texts-link = Mail texts and scheduled reminders
campaign-texts-heading = Campaign mail
campaign-texts-intro = Each person gets the invitation and the reminders in their own language — the one they chose, else the study language of their city's country — with the same link offered in the other two languages.
campaign-texts-placeholders = Placeholders: { "{city}" } the city's name, { "{edition}" } the edition's title, { "{deadline}" } the city's last day, { "{link}" } the person's own link, which every text must keep.
campaign-texts-invitation = Invitation
campaign-texts-reminder = Reminder
campaign-text-subject = subject
campaign-text-body = text
campaign-texts-built-in = Built-in text
campaign-texts-written = Written by { $by } on { $date }
campaign-texts-save = Save this text
campaign-texts-reset = Use the built-in text
campaign-texts-saved = The text was saved.
campaign-text-subject-missing = The mail needs a subject.
campaign-text-too-long = The { $field } is too long: at most { $max } characters.
campaign-text-link-missing = The text must keep { "{link}" }: without it the person has no way in.
campaign-text-unknown-placeholder = { $placeholder } is not a placeholder the mail can fill: use { "{city}" }, { "{edition}" }, { "{deadline}" } or { "{link}" }.
campaign-schedule-heading = Scheduled reminders
campaign-schedule-intro = A scheduled reminder goes at 08:00 UTC, so many days before the deadline, to every city that has not submitted — once, whichever server sends it. Moving the deadline moves the reminders still to come; closing the questionnaire stops them.
campaign-schedule-days = Days before the deadline
campaign-schedule-hint = For example 30, 14, 3. Leave empty to stop them.
campaign-schedule-save = Schedule the reminders
campaign-schedule-none = No reminder is scheduled.
campaign-schedule-due = { $days ->
    [one] { $days } day before the deadline: { $date }
   *[other] { $days } days before the deadline: { $date }
}
campaign-schedule-sent = sent
campaign-schedule-pending = to come
campaign-schedule-saved = The reminders are scheduled.
campaign-schedule-no-deadline = Reminders are scheduled before the deadline, and this edition has none yet: open it for answers with a deadline first.
campaign-schedule-bad-days = “{ $typed }” is not a number of days from 1 to 365 (at most six reminders).
campaign-mail-in = mail in { $language }
prospect-link = Invite cities beyond the members
prospect-heading = Invite cities beyond the members
prospect-intro = The study seeks the widest participation: invite a city of the registry that is not a member, or a new city found by name among GeoNames' places of more than 15,000 inhabitants. The city answers like a member and counts in the edition's participation.
prospect-registry = A city of the registry
prospect-registry-none = Every city of the registry is a member or is invited already.
prospect-city = City
prospect-search = A new city, found by name
prospect-search-name = Name of the city
prospect-search-button = Search
prospect-place = Place
prospect-places-none = No place of that name among GeoNames' places of more than 15,000 inhabitants.
prospect-place-line = { $name }, { $country } — { $population } inhabitants
prospect-contact = The person who will answer
prospect-contact-name = Name
prospect-contact-email = E-mail address
prospect-contact-lang = Language of their mail
prospect-invite = Invite this city
prospect-invited = { $city } is invited: the person who will answer was mailed.
prospect-name-missing = Give the name of the person who will answer (at most 200 characters).
prospect-address-invalid = This is not an e-mail address.
prospect-address-taken = This address already answers for another city or belongs to staff.
prospect-already-invited = { $city } is already invited to this edition.
editor-preview = As respondents will see it
editor-preview-intro = The question in each language as a city's respondent reads it; a language without its own text shows another, marked. Label and hint follow what you type; the rest follows each save.
me-mail-language = The study's mail
me-mail-language-label = Language of the mail you receive
me-mail-language-save = Save
me-mail-language-saved = Your mail will be written in this language.
publication-sheet-mail-subject = Smart Cities Study — { $city }: the results of “{ $edition }”
publication-sheet-mail-body = The findings of “{ $edition }” are published. { $city }'s sheet, on the web and in PDF:
publication-sheet-mail-other-languages = The sheet in another language:
review-mail-returned-subject = Smart Cities Study — { $city }: answers returned with comments
review-mail-returned-body = The secretariat returned { $city }'s answers to “{ $edition }” with comments. Please look at them, correct what is needed and submit again:
review-mail-accepted-subject = Smart Cities Study — { $city }: answers accepted
review-mail-accepted-body = The secretariat accepted { $city }'s answers to “{ $edition }”: they will be part of the analysis. Thank you.
figures-refused = { $count ->
    [one] Nothing was imported: the file has one problem.
   *[other] Nothing was imported: the file has { $count } problems.
}
figures-more-problems = { $count ->
    [one] …and one more problem.
   *[other] …and { $count } more problems.
}
figure-problem-at = Line { $line }, column { $column } ({ $name }): { $what }
figure-problem-at-line = Line { $line }: { $what }
figure-problem-unknown-column = “{ $name }” is not a column of a figures file.
figure-problem-missing-column = the column “{ $name }” is missing.
figure-problem-duplicate = this code already appears on line { $first }.
figure-problem-not-csv = this is not a CSV file.
figure-problem-empty = this cell must not be empty.
figure-problem-bad-code = a code is lower-case letters, digits and “_” (at most 60).
figure-problem-bad-axis = not one of the six axes (economy, citizenship, governance, mobility, environment, quality_of_life).
figure-problem-bad-language = the original language is es, en or fr.
figure-problem-original-label-missing = the label in the original language is empty.
figure-problem-bad-kind = the kind is share, count or value.
figure-problem-bad-number = not a number (write decimals with a point).
figure-problem-share-out-of-range = a share is a percentage from 0 to 100.
figure-problem-not-a-count = a count is a whole number.
figure-problem-unit-missing = a value needs its unit.
figure-problem-bad-whole = a whole number from 1 is expected.
figure-problem-bad-flag = yes or no is expected.
figure-problem-too-long = the cell is too long (at most 500 characters).
figure-problem-too-many = the file has too many rows (at most 2,000 figures).
figures-not-text = The file is not text: save it as CSV in UTF-8.
history-too-large = The file is too large: at most { $size }.
history-not-pdf = A report is attached as a PDF file.
history-heading = As published in the report
history-intro = Figures the edition's report published, each with its page. They rest on the cities that answered that edition, which differ from one edition to the next.
history-source = As published in { $document }
history-source-page = As published in { $document }, p. { $page }
history-base = { $cities ->
    [one] base: { $cities } answering city
   *[other] base: { $cities } answering cities
}
history-other-figures = Other figures
history-illustrative = illustrative
history-reports = The report
history-manage = The edition's published figures and report
history-import-heading = Import figures from a CSV file
history-import-intro = One figure per line. A share is a percentage from 0 to 100 as the report prints it; a value needs its unit. A code already imported is corrected, and what it said before is kept. A file with any problem is refused whole, each problem named by line and column.
history-figures-file = Figures file (CSV, UTF-8)
history-at-most = At most { $size }.
history-import = Import the figures
history-imported = Figures imported — new: { $new } · corrected: { $corrected } · unchanged: { $same }.
history-report-heading = Attach a report
history-report-file = Report (PDF)
history-attach = Attach the report
history-report-attached = The report { $name } is attached.
history-question = Corresponds to the question
history-corrected = { $count ->
    [one] corrected once
   *[other] corrected { $count } times
}
history-none = No figure has been imported for this edition yet.
history-source-link = the source
history-trends-heading = Figures earlier reports published on the same questions
history-trends-caution = Each figure rests on the cities that answered its own edition, and the cities differ from one edition to the next: the two figures are set side by side, not a change measured on the same cities.
history-one-heading = Add or correct one figure
history-one-intro = A code already on record is corrected, and what it said before is kept.
history-field-code = Code (lower-case letters, digits and “_”)
history-field-original = Language it is written in
history-field-label = What it measures
history-field-axis = Axis
history-field-kind = Kind
history-kind-share = Share of cities (%)
history-kind-count = Count
history-kind-value = Value with a unit
history-field-value = Number, as the report gives it (decimals with a point)
history-field-unit = Unit (for a value)
history-field-base = Answering cities it rests on
history-field-question = Question of a later edition it corresponds to (code)
history-field-document = Published in (report's title or address)
history-field-page = Page
history-save-figure = Save the figure
figure-problem-field = { $name }: { $what }
pub-data-past-figures = Figures the reports of earlier editions published, each with its source and page, the answering cities it rests on and whether it is illustrative. They rest on other sets of cities than this edition's.
history-illustrative-source = Made up for the demonstration: not a figure any report published.
