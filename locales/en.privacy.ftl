# Privacy and personal data (UU PDP No. 27/2022): /dataku, /hapusdata, /tarikpersetujuan; admins: /admin_tambah, /admin_hapus, /admin_daftar.

cmd-tarikpersetujuan = Withdraw consent to data storage

## Privacy menu (buttons under the policy)
privacy-button-data = 📄 See my data
privacy-button-erase = 🗑 Erase my data
privacy-button-withdraw = ✋ Withdraw consent

## /dataku
privacy-data-title = <b>Data stored about you</b> (as of { $date })
privacy-data-none = We store no profile about you. There are only technical conversation notes (the step in progress and your language choice).
privacy-data-profile =
    <b>Profile</b>: first name { $name }, role { $role }, province { $province }, language { $language }.
    Consent: { $consentAt } (policy version { $consentVersion }).
privacy-data-registrations =
    <b>Event registrations</b> ({ $count }):
    { $list }
privacy-data-registrations-none = <b>Event registrations</b>: none.
privacy-data-feedback = <b>Feedback and stories</b>: { $count }
privacy-data-deliveries = <b>Announcements sent to you</b>: { $count }
privacy-data-sessions = <b>Conversation notes</b> (technical): { $count }
privacy-data-admin-owner = <b>Admin role</b>: owner (set in the server configuration).
privacy-data-admin = <b>Admin role</b>: yes.
privacy-data-footer = The full details are in the attached JSON file. Want to erase everything? /hapusdata
privacy-data-empty-value = -
privacy-data-explanation = This is all data the Kartu Prakerja alumni meetup bot stores about you, grouped by table. Column names are those of the database. Erase everything with /hapusdata.

## /hapusdata and /tarikpersetujuan
privacy-erase-ask =
    <b>Erase all your data?</b>
    Erased at once: your profile, consent record, event registrations (your seat goes to the waitlist), announcement history and conversation notes. Survey answers still count in the statistics, without your name and without your story text.
    This cannot be undone.
privacy-withdraw-ask =
    <b>Withdraw your consent?</b>
    We stop processing your data and erase it at once: your profile, event registrations (your seat goes to the waitlist), announcement history and conversation notes. Survey answers still count in the statistics, without your name and without your story text.
    You can still read about Prakerja and ask questions without any data being stored.
privacy-erase-yes = 🗑 Yes, erase everything
privacy-withdraw-yes = ✋ Yes, withdraw consent
privacy-erase-no = Cancel
privacy-erase-kept = OK, your data is unchanged.
privacy-erase-done =
    ✅ All your data has been erased. All that remains is an anonymous count that an erasure happened.
    To use the bot again, send /start.
privacy-withdraw-done =
    ✅ Your consent has been withdrawn and your data erased. We no longer process your personal data.
    If you change your mind, send /start.
privacy-erase-owner-note = Note: you are listed as a bot owner in the server configuration (ADMIN_IDS), so your owner rights remain until the configuration is changed.
privacy-erase-failed = Sorry, the erasure did not finish because of a problem on our side. Please send /hapusdata again in a moment. 🙏

## Admin management (owners in ADMIN_IDS only)
admins-owner-only = Only bot owners (ADMIN_IDS) can manage admins.
admins-usage-add = Usage: <code>/admin_tambah 123456789</code> (a numeric Telegram ID).
admins-usage-remove = Usage: <code>/admin_hapus 123456789</code> (a numeric Telegram ID).
admins-added = ✅ { $id } is now an admin.
admins-already = { $id } is already an admin.
admins-is-owner = { $id } is an owner (ADMIN_IDS); owners are set in the server configuration.
admins-removed = ✅ { $id } is no longer an admin.
admins-not-admin = { $id } is not an admin.
admins-list-title = <b>Bot admins</b>
admins-list-owner = { $id } — owner (ADMIN_IDS)
admins-list-admin = { $id } — admin
