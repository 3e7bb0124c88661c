# Feedback (survey), the invitation after a Temu Alumni, success stories, and statistics for admins.
# Texts sent with parse_mode HTML may use <b>, <i>; user-provided text is always escaped.

## Choosing the survey (/masukan)
feedback-needs-consent = To give feedback I first need your consent to store your answers. Type /start to read and accept it.
feedback-choose-scope =
    💬 <b>Feedback for Prakerja</b>

    Your answers help us improve the Temu Alumni meetups and the Prakerja programme. What would you like to give feedback on?
feedback-scope-event-button = 🤝 { $title }
feedback-scope-program-button = 🎓 The Kartu Prakerja programme in general
feedback-program-title = Kartu Prakerja programme
feedback-not-your-event = Sorry, feedback for this event can only be given by registered participants. You can still give feedback on the Prakerja programme in general with /masukan.
feedback-event-not-started = This event has not taken place yet. You can give feedback once it has started.

## Invitation after an event
feedback-invitation =
    Thank you for joining <b>{ $title }</b>! 🙏

    Could you spare about 3 minutes for feedback? We would like to know what helped most, what to improve, and how you are doing after Prakerja.
feedback-invitation-button = 📝 Give feedback

## Survey conversation
feedback-intro = 📝 <b>Feedback: { $title }</b>
    Six short questions. Type /batal at any time to stop.
feedback-intro-again = You have answered this survey before. Your new answers will replace the old ones.
feedback-q-rating = 1️⃣ Overall, how would you rate it? (1 = very poor, 5 = very good)
feedback-q-most-useful = 2️⃣ What was most useful to you?
feedback-q-most-useful-other = Briefly write what was most useful to you (at most { $max } characters).
feedback-q-suggestion = 3️⃣ What would make it better? Write freely (at most { $max } characters), or press "Skip".
feedback-q-status-before = 4️⃣ Before joining Prakerja, what were you doing?
feedback-q-outcome = 5️⃣ Since Prakerja, what is your situation now?
feedback-q-outcome-field = In which field? For example food, administration, tailoring or digital marketing (at most { $max } characters). You may also press "Skip".
feedback-q-story = 6️⃣ Do you have a success story since Prakerja? Tell it here (at most { $max } characters), or press "Skip".
feedback-q-story-consent = Thank you for sharing! May we show your story to other alumni in /cerita?
feedback-your-answer = ➡️ { $answer }
feedback-skip-button = Skip ⏭
feedback-skipped = (skipped)

feedback-rating-1 = ⭐ 1
feedback-rating-2 = ⭐ 2
feedback-rating-3 = ⭐ 3
feedback-rating-4 = ⭐ 4
feedback-rating-5 = ⭐ 5

feedback-useful-materi = 📚 Material or workshop
feedback-useful-jejaring = 🤝 Meeting other alumni
feedback-useful-cerita_sukses = 🌟 Alumni success stories
feedback-useful-info_program = ℹ️ Programme information
feedback-useful-info_peluang = 💼 Job and business opportunities
feedback-useful-lainnya = ✏️ Something else

feedback-before-menganggur = Not working / looking for work
feedback-before-bekerja = Employed
feedback-before-usaha = Running a business
feedback-before-pelajar = Student / recent graduate
feedback-before-lainnya = Something else

feedback-outcome-bekerja = 💼 Employed
feedback-outcome-usaha = 🏪 Started a business
feedback-outcome-keduanya = 💼🏪 Employed and running a business
feedback-outcome-belum = ⏳ Not yet working or in business
feedback-outcome-lainnya = ✏️ Something else

feedback-consent-named = ✅ Yes, with my first name
feedback-consent-anonymous = 🕶 Yes, anonymously
feedback-consent-none = 🔒 Do not publish it

## Unexpected answers
feedback-use-buttons = Please choose one of the buttons above. 👆
feedback-send-text = Please send your answer as text.
feedback-text-empty = The answer is empty. Write your answer, or press "Skip".
feedback-text-too-long = Sorry, your text has { $length } characters and the limit is { $max }. Please shorten it and send it again. 🙏
feedback-old-button = This button is no longer valid.

## Done
feedback-thanks =
    🙏 <b>Thank you!</b> Your feedback on <b>{ $title }</b> has been saved.
    To change your answers, take the survey again with /masukan — the latest answers count.
feedback-thanks-story-pending = An admin will review your story before it appears in /cerita.
feedback-thanks-story-private = Your story is read by the organisers only and will not be published.
feedback-thanks-story-kept = Your story, already reviewed, stays as it was.

## Success stories (/cerita)
feedback-stories-empty = No success stories have been published yet. Have one? Share it with /masukan. 🌱
feedback-story-view =
    🌟 <b>Alumni success story</b> ({ $index }/{ $total })

    { $story }

    — <b>{ $author }</b>
feedback-story-event = 📍 { $title }
feedback-story-anonymous-author = Prakerja alumnus from { $province }
feedback-story-anonymous-author-plain = Prakerja alumnus
feedback-story-prev = ◀️ Previous
feedback-story-next = Next ▶️

## Admin: story review (/cerita_admin)
feedback-review-empty = No stories are waiting for review. 👍
feedback-review-view =
    📝 <b>Story waiting for review</b> ({ $pending } left)

    { $story }

    — <b>{ $author }</b> ({ $consent })
feedback-review-consent-named = wants to be shown with first name
feedback-review-consent-anonymous = wants to be shown anonymously
feedback-review-approve = ✅ Approve
feedback-review-reject = ❌ Reject
feedback-review-approved = ✅ Approved — this story now appears in /cerita.
feedback-review-rejected = ❌ Rejected — this story will not be shown.
feedback-review-already = This story was already reviewed or changed by its author.

## Admin: statistics (/statistik)
feedback-stats-choose = 📊 Statistics for what?
feedback-stats-overall-button = 📊 All events and the programme
feedback-stats-event-button = #{ $id } { $title }
feedback-stats-not-found = That event was not found.
feedback-stats-title-event = 📊 <b>Statistics: { $title }</b>
feedback-stats-title-overall = 📊 <b>Overall statistics</b> ({ $events } events, plus programme feedback)
feedback-stats-registrations =
    👥 Registrations: { $registrations } · confirmed { $confirmed } · waiting list { $waitlisted } · cancelled { $cancelled }
    ✅ Attended: { $checkedIn } ({ $rate } of those confirmed)
feedback-stats-answers = 📝 Survey answers: { $answers } from { $respondents } people
feedback-stats-rating = ⭐ Average rating: { $average } / 5 — distribution 1★ { $r1 } · 2★ { $r2 } · 3★ { $r3 } · 4★ { $r4 } · 5★ { $r5 }
feedback-stats-outcome = 📈 Of { $base } respondents previously unemployed: { $works } now work, { $business } opened a business ("both" counts for both)
feedback-stats-outcome-none = 📈 No respondent was unemployed before, so the outcome shares cannot be computed yet.
feedback-stats-themes = 💡 Most frequent suggestion themes: { $themes }
feedback-stats-themes-none = 💡 No written suggestions yet.
feedback-stats-faq = 👎 FAQ answers rated unhelpful: { $votes } votes on { $answers } answers (whole bot)
feedback-stats-not-available = –
feedback-stats-chart-caption = Chart: { $title }
feedback-stats-csv-button = 📄 Download feedback CSV
feedback-stats-csv-caption = Feedback: { $title } ({ $rows } answers). UTF-8, opens in Excel.
feedback-stats-chart-failed = The chart cannot be drawn right now; the figures above still hold.

## Texts inside the chart picture
feedback-chart-title-event = Temu Alumni statistics: { $title }
feedback-chart-title-overall = Overall statistics ({ $events } events)
feedback-chart-summary-1 = Registrations { $registrations }   ·   Confirmed { $confirmed }   ·   Waiting list { $waitlisted }   ·   Attended { $checkedIn }{ $rate }
feedback-chart-summary-rate = { " " }({ $rate } of confirmed)
feedback-chart-summary-2 = Respondents { $respondents }   ·   Average rating { $average }
feedback-chart-rating-heading = Rating distribution
feedback-chart-rating-subheading = { $answers } answers
feedback-chart-outcome-heading = Outcome after Prakerja
feedback-chart-outcome-subheading = among { $base } respondents previously unemployed
feedback-chart-outcome-works = Now employed
feedback-chart-outcome-business = Started a business
feedback-chart-no-data = No data yet
