# Questions and answers: replies to free text, /tanya, and /faq_admin for admins.

## Users
faq-intro =
    <b>Questions</b> ❓
    Just type your question about Prakerja in your own words, e.g. <i>"when is the incentive paid?"</i>

    Or choose a frequently asked question:
faq-ask-prompt = Please type your question about Prakerja, e.g. <i>how much is the incentive?</i>
faq-suggest = Which one did you mean? Choose one, or ask in other words.
faq-none =
    Sorry, I don't know the answer to that yet 🙏 Your question has been noted without your identity, so our team can add an answer.

    For official information, please check:
    • <a href="https://www.prakerja.go.id">prakerja.go.id</a>
    • Help form: <a href="https://bantuan.prakerja.go.id">bantuan.prakerja.go.id</a>

    You can also try asking in other words, e.g. <i>"cara daftar"</i> or <i>"syarat insentif"</i>.
faq-not-a-question = Please type your question about Prakerja in words, e.g. <i>how to register</i>.
# Small talk (not a question; never recorded as unanswered)
faq-smalltalk-thanks = You're welcome! 😊 Glad to help. If there's anything else about Prakerja you'd like to ask, just type it.
faq-smalltalk-salam = Waalaikumsalam! 🙏 How can I help you with Kartu Prakerja? Just type your question.
faq-smalltalk-help = Of course, I'm here to help! 🙂 Type your question about Prakerja in your own words, for example <i>how to register</i> or <i>incentive not received</i>, or open /menu to check eligibility and see Temu Alumni events. If the problem is with your Prakerja account and needs their team, report it at <a href="https://bantuan.prakerja.go.id">bantuan.prakerja.go.id</a>.
faq-smalltalk-greeting = Hi! 👋 What would you like to know about Prakerja? Just type your question, for example <i>how to register</i> or <i>when is the incentive paid</i>, or open /menu.
faq-smalltalk-ack = Got it! 👍 If you have another question, just type it.
faq-smalltalk-noise = Hmm, I didn't quite catch that 😅 Try typing your question in words, for example <i>requirements to join Prakerja</i> or <i>incentive not received</i>.
faq-related = Related questions:
faq-vote-helpful = Helpful 👍
faq-vote-not-helpful = Not really 👎
faq-vote-thanks-short = Thank you!
faq-vote-thanks-helpful = <i>Thanks for your rating! 🙏</i>
faq-vote-thanks-not-helpful = <i>Thanks for your feedback. Sorry the answer didn't help — try asking in other words, or contact <a href="https://bantuan.prakerja.go.id">bantuan.prakerja.go.id</a>.</i>
faq-vote-already = You have already rated this answer. Thank you!
faq-entry-gone = This question is no longer available. Try typing your question again.

## Admin
faq-admin-panel =
    <b>Manage FAQ</b> — { $count } entries.
    Changes apply to the very next question.

    Quick search: <code>/faq_admin keywords</code>
    Import: send a CSV file with the caption <code>/faq_impor</code>. Export first to see the format.
faq-admin-button-list = 📋 List
faq-admin-button-search = 🔎 Search
faq-admin-button-add = ➕ Add
faq-admin-button-export = 📤 Export CSV
faq-admin-button-worst = 📉 Entries with most 👎
faq-admin-button-unmatched = ❓ Unanswered
faq-admin-button-downvoted = 👎 Rated not helpful
faq-admin-button-home = 🏠 FAQ panel
faq-admin-button-back = ◀️ Back
faq-admin-button-edit = ✏️ Edit
faq-admin-button-delete = 🗑 Delete
faq-admin-button-delete-confirm = 🗑 Yes, delete
faq-admin-button-save = ✅ Save
faq-admin-button-cancel = Cancel
faq-admin-list-title = <b>FAQ list</b> — page { $page }/{ $pages } ({ $count } entries)
faq-admin-list-line = <b>#{ $id }</b> [{ $category }] { $question }
faq-admin-entry-head = <b>#{ $id }</b> · <code>{ $slug }</code> · category <code>{ $category }</code>
faq-admin-entry-question = <b>Question:</b> { $question }
faq-admin-entry-answer = <b>Answer:</b>
faq-admin-entry-variants = <b>Variants:</b> { $variants }
faq-admin-entry-keywords = <b>Keywords:</b> { $keywords }
faq-admin-not-found = That entry no longer exists.
faq-admin-field-question = Question
faq-admin-field-answer = Answer
faq-admin-field-variants = Variants
faq-admin-field-keywords = Keywords
faq-admin-field-category = Category
faq-admin-field-slug = Slug
faq-admin-hint-question = Type the new question (5–300 characters).
faq-admin-hint-answer = Type the new answer (10–3500 characters). You may use &lt;b&gt;, &lt;i&gt; and &lt;a href="…"&gt;; write &amp; as &amp;amp;.
faq-admin-hint-variants = Type the variants, one per line (or separated by |). Send - to clear.
faq-admin-hint-keywords = Type the keywords, separated by commas. Send - to clear.
faq-admin-hint-category = Type the category: lowercase letters, digits and hyphens, e.g. <code>insentif</code>.
faq-admin-edit-which = Which part of <b>#{ $id }</b> do you want to change?
    { $question }
faq-admin-edit-prompt =
    <b>#{ $id } · { $field }</b> now:
    <pre>{ $current }</pre>
    { $hint }
    Send /batal to cancel.
faq-admin-saved = ✅ { $field } of #{ $id } saved; it applies at once.
faq-admin-save-failed = Could not save:
faq-admin-save-failed-retry = Not saved yet, please type it again (or /batal):
faq-admin-issue = • { $field }: { $error }
faq-admin-field-invalid = { $field } is not right yet: { $error }. Please type it again, or /batal.
faq-admin-send-text = Please send it as text (or /batal to cancel).
faq-admin-use-buttons = Choose Save or Cancel with the buttons above.
faq-admin-add-start = <b>Add an FAQ entry</b> — 5 steps. Send /batal at any time to cancel.
faq-admin-ask-question = <b>1/5 Main question</b> (5–300 characters), e.g. <i>Berapa lama batas membeli pelatihan pertama?</i>
faq-admin-ask-answer = <b>2/5 Answer</b> (10–3500 characters). You may use &lt;b&gt;, &lt;i&gt; and &lt;a href="…"&gt;; write &amp; as &amp;amp;.
faq-admin-ask-variants = <b>3/5 Variants</b> — other ways people ask it, one per line. Send - if none.
faq-admin-ask-keywords = <b>4/5 Keywords</b>, separated by commas. Send - if none.
faq-admin-ask-category = <b>5/5 Category</b> — choose below, or type a new one (lowercase letters, digits, hyphens).
faq-admin-preview-title = <b>Preview</b> — this is how the answer will look:
faq-admin-preview-category = <b>Category:</b> { $category }
faq-admin-add-cancelled = OK, the entry was not saved.
faq-admin-added = ✅ Entry <b>#{ $id }</b> saved and searchable right away.
faq-admin-delete-confirm = Delete entry <b>#{ $id }</b>?
    { $question }
    This cannot be undone.
faq-admin-deleted = 🗑 Entry #{ $id } deleted.
faq-admin-search-prompt = Type a word or question to look for:
faq-admin-search-results = Results for <i>{ $query }</i> ({ $count }):
faq-admin-search-none = No entry matches <i>{ $query }</i>.
faq-admin-export-caption = FAQ base: { $count } entries. Edit it in a spreadsheet, then send it back with the caption /faq_impor.
faq-admin-import-howto =
    Send a CSV file (UTF-8) with the caption <code>/faq_impor</code>.
    Columns: <code>slug, kategori, pertanyaan, jawaban, variasi, kata_kunci</code> — variants and keywords separated by |. Entries whose slug exists are updated, new slugs are added. If even one row is wrong, nothing is imported.
faq-admin-import-too-big = The file is too large (at most { $max } MB).
faq-admin-import-not-utf8 = This file is not UTF-8 text. Save it again as "CSV UTF-8" and send it again.
faq-admin-import-download-failed = The file could not be downloaded from Telegram. Please send it again in a moment.
faq-admin-import-rejected = ❌ <b>Import cancelled, nothing was changed.</b> { $count } problems:
faq-admin-import-error = • Line { $line }: { $error }
faq-admin-import-error-column = • Line { $line }, column <code>{ $column }</code>: { $error }
faq-admin-import-more = … and { $count } more problems.
faq-admin-import-done = ✅ Import done: { $created } new, { $updated } updated. In effect now.
faq-admin-worst-title = <b>Answers with the most 👎</b>
faq-admin-worst-line = <b>#{ $id }</b> { $question } — 👎 { $down } · 👍 { $up }
faq-admin-worst-none = No answer has been rated 👎 yet.
faq-learn-title-u = ❓ <b>Unanswered</b> · { $position } of { $total }
faq-learn-title-d = 👎 <b>Rated not helpful</b> · { $position } of { $total }
faq-learn-question = <b>Question:</b> <i>{ $question }</i>
faq-learn-count-u = Asked { $count }× · last { $when } (without who asked)
faq-learn-count-d = Rated 👎 { $count }× · last { $when } (without who voted)
faq-learn-answered-with = Answered with <b>#{ $id }</b> { $question }
faq-learn-suggestions = The matcher's closest entries are on the ➕ buttons below: one tap makes this question a new phrasing of that entry, used at once.
faq-learn-no-suggestions = The matcher found no similar entry. Make it a new entry, or dismiss it.
faq-learn-empty-u = ❓ No unanswered questions. Well done! 🎉
faq-learn-empty-d = 👎 No 👎 questions left to review. 👍
faq-learn-button-attach = ➕ phrasing for:
faq-learn-button-new = 🆕 make a new entry
faq-learn-button-dismiss = 🗑 dismiss
faq-learn-button-view = 👁 View entry #{ $id }
faq-learn-attached = ✅ Added as a phrasing of entry #{ $id }, in use now.
faq-learn-attach-failed = Could not be added: { $error }. Tidy up that entry's phrasings first.
faq-learn-dismissed = 🗑 Dismissed.
faq-learn-gone = This question was already handled.
faq-learn-new-question =
    <b>1/5 Main question</b>
    The user's question: <i>{ $question }</i>
    Tap the button below to use it as it is, or type a tidier question (5–300 characters) — the user's words are kept as a phrasing.
faq-learn-use-asked = ✅ Use as it is

## Error codes from FAQ validation and CSV import
faq-error-required = required
faq-error-too_short = too short
faq-error-too_long = too long
faq-error-invalid_slug = only lowercase letters, digits and hyphens (-)
faq-error-invalid_html = invalid HTML (only &lt;b&gt;, &lt;i&gt;, &lt;a href="…"&gt;, properly closed; write &amp; as &amp;amp;)
faq-error-too_many = too many items
faq-error-duplicate_slug = slug already in use
faq-error-invalid = not valid
faq-error-empty_file = the file is empty
faq-error-csv_syntax = broken CSV (check the quotes)
faq-error-missing_column = this column is missing from the header row
faq-error-too_many_rows = too many rows (at most 2000)
faq-error-column_count = the number of columns does not match the header row
# Weekly digest for owners (/faq_ringkasan)
faq-digest-on = ✅ Weekly FAQ digest <b>on</b>: each week you get the most frequent unanswered questions and the entries with the most 👎. Type /faq_ringkasan again to turn it off.
faq-digest-off = Weekly FAQ digest <b>off</b>. Type /faq_ringkasan to turn it on again.
faq-digest-owner-only = The weekly digest is for the bot's owners (ADMIN_IDS) only.
faq-digest-title = 📊 <b>Weekly FAQ digest</b>
faq-digest-unanswered = <b>❓ Most frequent unanswered (7 days):</b>
faq-digest-unanswered-line = • { $count }× { $question }
faq-digest-downvoted = <b>👎 Questions whose answer was rated not helpful (7 days):</b>
faq-digest-downvoted-line = • { $count }× { $question } → #{ $id }
faq-digest-worst = <b>👎 Least helpful:</b>
faq-digest-worst-line = • #{ $id } { $question } (👎 { $down }, 👍 { $up })
faq-digest-none = • (none)
faq-digest-footer = Review and fill the gaps via /faq_admin → ❓ Unanswered and 👎 Rated not helpful.
faq-digest-empty = 📊 <b>Weekly FAQ digest</b>: no unanswered questions and no 👎 this week. 👍
