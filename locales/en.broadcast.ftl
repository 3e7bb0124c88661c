# Broadcasts (announcements to many people) and the announcement subscription.
# Texts sent with parse_mode HTML may use <b>, <i>, <code>; everything else is plain text.

## Announcement subscription: /berhenti and /langganan
broadcast-optout-done =
    Done, you will not receive announcements any more. 🔕
    Reminders for events you registered for still arrive. If you change your mind, type /langganan.
broadcast-optout-already = You already do not receive announcements. Type /langganan to get them again.
broadcast-optout-no-data = You are not signed up for announcements, so there is nothing to stop. 🙂
broadcast-optin-done = Great, you will receive Temu Alumni announcements again. 🔔 Type /berhenti any time to stop them.
broadcast-optin-already = You already receive announcements. Type /berhenti if you want to stop them.
broadcast-optin-no-data = To receive announcements, type /start and agree to the data notice first.

## The end of every broadcast message
broadcast-footer = Don't want announcements any more? Type /berhenti
broadcast-button-register = 📝 Register for this event

## /siaran — composing a broadcast
broadcast-compose-intro =
    📣 <b>New broadcast</b>
    Send the announcement now: text (<b>bold</b>, <i>italic</i> and links are fine), or one photo or document with a caption.
    I add how to unsubscribe at the end of every message. Type /batal any time to stop.
broadcast-compose-nudge = Send the announcement as text, a photo or a document. Type /batal to stop.
broadcast-compose-too-long = The message is too long: { $length } characters, at most { $max } (including the unsubscribe line). Shorten it and send it again.
broadcast-compose-empty = The message is empty. Send text, or a photo/document with a caption.
broadcast-button-ask = Add an event registration button under the message?
broadcast-button-none = No button
broadcast-button-event = #{ $id } { $title }
broadcast-audience-ask = Who should receive it?
broadcast-audience-all = 👥 Everyone
broadcast-audience-alumni = 🎓 Alumni
broadcast-audience-calon = 🙋 Prospective participants
broadcast-audience-provinces = 📍 By province
broadcast-audience-event = 🤝 Event participants
broadcast-audience-not-allowed = Sorry, this broadcast was not sent: those recipients are outside the provinces you organise. Send /siaran to start again.
broadcast-provinces-ask = Pick one or more provinces, then press "Done". Selected: { $count }
broadcast-provinces-done = ✅ Done ({ $count })
broadcast-provinces-none = Pick at least one province first.
broadcast-event-ask = Participants of which event?
broadcast-event-none = There is no event to choose yet. Pick another audience.
broadcast-segment-ask = Which participants of <b>{ $title }</b>?
broadcast-segment-confirmed = Registered (confirmed)
broadcast-segment-waitlisted = Waiting list
broadcast-segment-attended = Attended
broadcast-segment-no_feedback = No feedback yet
broadcast-audience-desc-all = everyone
broadcast-audience-desc-alumni = alumni
broadcast-audience-desc-calon = prospective participants
broadcast-audience-desc-provinces = provinces { $names }
broadcast-audience-desc-event = participants of { $title } — { $segment }
broadcast-count = Recipients: <b>{ $count }</b> people ({ $audience }). People who blocked the bot, unsubscribed or never gave consent are not counted.
broadcast-count-zero = Nobody matches that choice ({ $audience }). Pick another audience.
broadcast-preview-intro = 👇 Preview — exactly as recipients will see it:
broadcast-confirm-ask = Send the message above to <b>{ $count }</b> people?
broadcast-btn-send-now = 🚀 Send now
broadcast-btn-schedule = 🕒 Schedule
broadcast-btn-change-audience = 👥 Change audience
broadcast-btn-discard = 🗑️ Discard
broadcast-use-buttons = Please choose with the buttons above. Type /batal to stop.
broadcast-schedule-ask =
    When should it go out? Type a date and time, e.g. <code>25-12-2026 09:00</code>.
    Times are WIB unless you add WITA or WIT (e.g. <code>25-12-2026 09:00 WITA</code>).
broadcast-schedule-invalid = I could not read that time. Example: <code>25-12-2026 09:00</code> or <code>25-12-2026 09:00 WITA</code>.
broadcast-schedule-past = That time has passed (or is less than a minute away). Type a time in the future.
broadcast-schedule-too-far = At most 90 days from now. Type an earlier time.
broadcast-schedule-confirm = Send to <b>{ $count }</b> people on <b>{ $when }</b>?
broadcast-btn-confirm-schedule = ✅ Yes, schedule it
broadcast-discarded = Broadcast discarded. Nothing was sent.

## Progress (a message updated every few seconds)
broadcast-progress-title-running = 📣 <b>Broadcast #{ $id }</b> — sending
broadcast-progress-title-paused = ⏸️ <b>Broadcast #{ $id }</b> — paused
broadcast-progress-title-scheduled = 🕒 <b>Broadcast #{ $id }</b> — scheduled for { $when }
broadcast-progress-title-done = ✅ <b>Broadcast #{ $id }</b> — done
broadcast-progress-title-cancelled = ✖️ <b>Broadcast #{ $id }</b> — cancelled
broadcast-progress-title-draft = 📝 <b>Broadcast #{ $id }</b> — being prepared
broadcast-progress-body =
    Audience: { $audience } · { $total } people
    ✅ Sent: { $sent }
    ⏳ Remaining: { $remaining }
    🚫 Blocked the bot / deactivated: { $blocked }
    ⚠️ Failed: { $failed }
    🔕 Skipped (unsubscribed): { $skipped }
broadcast-progress-rate = ⚡ Speed: { NUMBER($rate, maximumFractionDigits: 1) } messages/s · about { $eta } left
broadcast-progress-rate-unknown = ⚡ Speed: measuring…
broadcast-btn-pause = ⏸️ Pause
broadcast-btn-resume = ▶️ Resume
broadcast-btn-cancel = ✖️ Cancel
broadcast-btn-cancel-yes = Yes, cancel the broadcast
broadcast-btn-cancel-no = No
broadcast-cancel-confirm = Cancel broadcast #{ $id }? Messages already sent cannot be taken back; the rest will not be sent.
broadcast-paused = ⏸️ Broadcast #{ $id } paused. Resume with the button or /siaran_lanjut { $id }.
broadcast-resumed = ▶️ Broadcast #{ $id } resumed.
broadcast-cancelled = ✖️ Broadcast #{ $id } cancelled. The final report follows.
broadcast-not-active = Broadcast #{ $id } can no longer be changed (status: { $status }).
broadcast-not-found = That broadcast was not found.
broadcast-pick = Which broadcast?
broadcast-none-active = No broadcast is running, paused or scheduled.
broadcast-status-title = 📣 <b>Active broadcasts</b>
broadcast-status-item = #{ $id } — { $status } — { $sent }/{ $total } sent
broadcast-status-running = sending
broadcast-status-paused = paused
broadcast-status-scheduled = scheduled
broadcast-status-done = done
broadcast-status-cancelled = cancelled
broadcast-status-draft = being prepared

## Final report
broadcast-report =
    { $cancelled ->
        [yes] ✖️ <b>Broadcast #{ $id } report</b> — cancelled
       *[no] ✅ <b>Broadcast #{ $id } report</b> — done
    }
    Audience: { $audience }
    Duration: { $duration }
    ✅ Sent: { $sent } of { $total }
    🚫 Blocked the bot / deactivated: { $blocked }
    ⚠️ Failed: { $failed }
    🔕 Skipped (unsubscribed): { $skipped }
    ⏹️ Not sent because it was cancelled: { $unsent }
    ⚡ Average: { NUMBER($rate, maximumFractionDigits: 1) } messages/s
broadcast-report-csv-caption = The { $rows } recipients who did not get broadcast #{ $id } (CSV).
broadcast-csv-telegram-id = telegram_id
broadcast-csv-status = status
broadcast-csv-attempts = attempts
broadcast-csv-error = error
broadcast-csv-time = time
broadcast-duration-hours = { $h } h { $m } min
broadcast-duration-minutes = { $m } min { $s } s
broadcast-duration-seconds = { $s } s
