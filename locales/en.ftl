# English. Bahasa Indonesia (id.ftl) is the default; keys missing here fall back to it.

## Commands
cmd-start = Start and main menu
cmd-menu = Show the main menu
cmd-tanya = Ask anything about Prakerja
cmd-kelayakan = Check whether you can join Prakerja
cmd-acara = See upcoming alumni meetups
cmd-rsvpku = Your event registrations
cmd-masukan = Give feedback and share your story
cmd-cerita = Read alumni success stories
cmd-privasi = How we protect your data
cmd-dataku = See all data stored about you
cmd-hapusdata = Erase all your data
cmd-berhenti = Stop announcements
cmd-langganan = Receive announcements again
cmd-bahasa = Change language
cmd-bantuan = What this bot can do
cmd-batal = Cancel the current step

## Welcome and consent
welcome =
    Hi, { $name }! 👋
    I am the <b>Kartu Prakerja Alumni Meetup</b> assistant. I can explain the Prakerja programme, check your eligibility, answer questions, and help you join alumni meetups in your region.
onboarding-resume = Let's continue where we left off.
consent-ask =
    Before we go on, may I store a little data about you? 🔒

    What is stored: your first name from Telegram, your role (alumnus or prospective participant) and your province — so I can show events in your region. The data is only used for this service, never sold, and you can see it (/dataku) or erase it (/hapusdata) at any time.

    Full policy: /privasi
consent-yes = ✅ I agree
consent-no = No, thanks
consent-thanks = Thank you! Your consent has been recorded.
consent-declined =
    No problem. I will not store your personal data.
    You can still read about Prakerja, check eligibility and ask questions. If you want to join a meetup later, send /start again.
consent-changed = Our privacy policy has changed, so I need to ask for your consent once more.
role-ask = Which of these are you?
role-alumni = 🎓 Prakerja alumnus
role-calon = 🙋 Prospective participant
role-lainnya = Other
role-chosen = Role: { $role }
province-ask = Which province do you live in? Choose below or type its name.
province-saved = Got it, your province is { $province }. 📍
province-did-you-mean = Which province did you mean?
province-unknown = Sorry, I don't recognise that province. Try typing it again (e.g. "Jambi" or "Kalimantan Selatan"), or choose from the list.

## Main menu
menu-title = What would you like to do? Choose below, or just type your question.
menu-title-limited = Choose below, or just type your question about Prakerja.
menu-about = ℹ️ About Prakerja
menu-eligibility = ✅ Eligibility
menu-faq = ❓ Questions
menu-events = 🤝 Alumni meetups
menu-feedback = 💬 Feedback
menu-privacy = 🔒 Privacy
menu-unavailable = Sorry, this menu is not available right now. Please try again later.

## Help, language, cancelling
help =
    <b>What I can do</b>
    /menu — main menu
    /tanya — ask anything about Prakerja (or just type your question)
    /kelayakan — check whether you are eligible
    /acara — upcoming alumni meetups and registration
    /rsvpku — your registrations
    /masukan — give feedback and tell us how you are doing after Prakerja
    /cerita — alumni success stories
    /privasi, /dataku, /hapusdata — your data, your rights
    /berhenti, /langganan — manage announcements
    /bahasa — change language
    /batal — cancel the current step

    Official information only at <a href="https://www.prakerja.go.id">prakerja.go.id</a>. This bot never asks for your OTP, NIK or password.
language-ask = Choose a language:
language-id = 🇮🇩 Bahasa Indonesia
language-en = 🇬🇧 English
language-set = Language changed to English.
cancelled = OK, cancelled. Send /menu to go back to the main menu.
nothing-to-cancel = Nothing is running. Send /menu to see the menu.

## General replies
unknown-command = Sorry, I don't know that command. Send /bantuan for the list of commands, or /menu.
fallback-text = I can't answer that yet. Try the menu, or ask your question in other words.
fallback-other = Sorry, I can only read text messages. Type your question or open /menu.
button-expired = This button has expired. Send /menu to start again.
error-generic = Sorry, something went wrong on our side. Please try again in a moment. 🙏
rate-limited = Slow down a little 🙏 You are sending messages too fast. Wait a few seconds and try again.
group-use-private = I only serve people in private chat, to keep your data safe. Please message me at @{ $bot }.

## Privacy
privacy-policy =
    <b>Privacy policy</b> (version { $version })
    This bot follows Indonesia's Personal Data Protection Law (UU PDP, No. 27/2022). It is run by the organisers of the Kartu Prakerja alumni meetups. Legal basis: your consent, which you can withdraw at any time.

    <b>What we store</b> — only after you agree: your Telegram ID, first name from Telegram, role (alumnus/prospective participant), province, language and when you consented. If you register for an event: full name, regency/city, wave, training, phone number (only if you share it with the button), companions and attendance. If you give feedback: your survey answers and story. Also technical conversation notes (the step in progress) and the announcements sent to you.
    We <b>never</b> ask for your NIK, Kartu Prakerja number, OTP or password.

    <b>Why</b> — to show events in your region, manage registrations and attendance lists, send reminders and announcements, and compile anonymous statistics to improve the programme. Questions the bot could not answer are kept without any identity to improve its answers.

    <b>How long</b> — the name, phone number, training and city of a registration are anonymised { $retentionDays } days after the event ends. Notes of unfinished conversations are deleted automatically after 24 hours. Other data is kept until you erase it or withdraw consent. System logs contain only ID numbers, never names or message text.

    <b>Who sees it</b> — only the meetup organisers (admins), e.g. the attendee list of an event you joined. It is never sold or shared. Stories are published only with your permission, with or without your name as you choose. Telegram also processes your messages under its own policy.

    <b>Your rights</b>
    • /dataku — see and download all your data
    • /hapusdata — erase all your data at once
    • /tarikpersetujuan — withdraw consent; we stop processing and erase your data at once
    • /berhenti — stop announcements
    To correct your data, answer again (a new registration or survey replaces the old one) or erase and /start again. Requests are carried out immediately, well within the 3×24 hours UU PDP allows. If a data breach happens, we tell you within 3×24 hours.

    This bot is not an official registration channel. Official information: <a href="https://www.prakerja.go.id">prakerja.go.id</a>.
