# Alumni meetups (Temu Alumni): event list, RSVP, tickets, reminders, check-in and admin tools.
# Texts sent with parse_mode HTML may use <b>, <i>, <code>; the others are plain text.

## Event list and details
events-list-title = 🤝 <b>Upcoming Prakerja alumni meetups</b>
events-list-title-province = 🤝 <b>Prakerja alumni meetups</b> — events in your province come first.
events-list-empty = No alumni meetup is scheduled yet. I'll let you know in an announcement when there is one! 🙌
events-list-no-province-hint = 💡 Type /start to choose your province, so the nearest events come first.
events-not-available = Sorry, that event was not found or is no longer open. Type /acara to see the events there are.
events-seats-left = { $count ->
    [one] 1 seat left
   *[other] { $count } seats left
}
events-seats-full = Fully booked — you can still join the waiting list
events-seats-unlimited = No seat limit
events-audience-alumni-note = Prakerja alumni only
events-audience-alumni = Who: Prakerja alumni only
events-audience-everyone = Who: open to alumni and future participants
events-companions-allowed = You may bring up to { $max } companions
events-deadline = Registration closes { $when }
events-status-cancelled-note = This event has been CANCELLED.
events-details-your-status = 📌 Your registration: { $status }
events-venue-no-pin =
    📍 <b>{ $venue }</b>
    { $address }

    There is no map pin for this venue yet.

## Buttons
events-btn-details = ℹ️ Details { $n }
events-btn-details-plain = ℹ️ See details
events-btn-venue = 📍 Map { $n }
events-btn-venue-pin = 📍 Show on map
events-btn-register = 📝 Register { $n }
events-btn-register-plain = 📝 Register
events-btn-register-update = ✏️ Change my registration
events-btn-share = 🔗 Share this event
events-btn-back-to-list = ⬅️ Back to the events
events-btn-prev = ◀️
events-btn-next = ▶️
events-btn-skip = Skip
events-btn-see-events = 🤝 See alumni meetups
events-btn-my-registrations = 📋 My registrations
events-btn-ticket = 🎫 Show my ticket
events-btn-ticket-n = 🎫 Ticket { $n }
events-btn-change-n = ✏️ Change { $n }
events-btn-cancel-n = ❌ Cancel { $n }
events-btn-cancel-yes = Yes, cancel my registration
events-btn-cancel-no = No, keep it
events-btn-offer-accept = ✅ Take the seat
events-btn-offer-decline = 🙅 I can't come
events-btn-offer-accept-n = ✅ Take seat { $n }
events-btn-offer-decline-n = 🙅 Release { $n }
events-btn-consent-yes = ✅ I agree
events-btn-consent-no = I don't agree

## RSVP conversation
events-rsvp-intro = 📝 Registering for <b>{ $title }</b>. Just a few quick questions. Changed your mind? Type /batal at any time.
events-rsvp-intro-update = ✏️ You are already registered for <b>{ $title }</b>. Let's update your details — your previous answers are on the buttons, just tap them if they still hold.
events-rsvp-full-warning = The seats are taken right now. If you go on, you join the waiting list and I'll tell you as soon as a seat frees up.
events-rsvp-problem-not_found = Sorry, that event was not found. Type /acara to see the events there are.
events-rsvp-problem-not_open = Sorry, registration for <b>{ $title }</b> is not open.
events-rsvp-problem-deadline_passed = Sorry, registration for <b>{ $title }</b> has closed. See you at the next one! 🙏
events-rsvp-ask-name = What is your full name? Tap the button below if it's right, or type your name.
events-rsvp-ask-city = Which regency or city do you live in? (This event is in { $province }.) From another province? Write for example: Kota Bandung, Jawa Barat
events-rsvp-ask-gelombang = Which Prakerja batch (gelombang) were you in? Type the number (1–100), or tap the button if you have never joined.
events-rsvp-gelombang-placeholder = e.g. 12
events-rsvp-btn-not-participant = Never joined Prakerja yet
events-rsvp-ask-training = Which training did you take? You can skip this.
events-rsvp-ask-phone = Would you like to leave your phone number so the organisers can reach you? Tap the 📱 button below to share it, or Skip. For your safety, the number can only be shared through that button.
events-rsvp-btn-share-phone = 📱 Share my phone number
events-rsvp-phone-use-button = Your phone number can only be shared with the 📱 button below (so it is surely yours). If you'd rather not, tap Skip.
events-rsvp-phone-not-yours = That looks like someone else's contact. Tap the 📱 button to share your own number, or Skip.
events-rsvp-ask-companions = How many companions are you bringing? (0 to { $max })
events-rsvp-ask-consent =
    One more thing: to register you, I need to store your answers (name, regency/city, batch, training, phone number if shared) and pass them to the organisers of this event. 🔒

    They are only used for alumni meetups, never sold, and you can see them (/dataku) or delete them (/hapusdata) at any time. Full explanation: /privasi

    Do you agree?
events-rsvp-consent-declined = No problem. Your registration was not saved and nothing was stored. If you change your mind, tap Register again any time.
events-rsvp-alumni-only = Sorry, <b>{ $title }</b> is for Prakerja alumni only. Keep an eye on /acara for events open to everyone. 🙏
events-answer-with-text = Please reply by typing your answer or tapping one of the buttons. Type /batal to stop.
events-rsvp-error-required = There's no answer yet. Please type it again.
events-rsvp-error-name_too_short = That name is too short. Please write your full name.
events-rsvp-error-name_too_long = That name is too long (at most { $max } characters). Please shorten it a little.
events-rsvp-error-name_invalid = That doesn't look like a name. Please write your full name in letters.
events-rsvp-error-city_unknown = I couldn't find "{ $value }" among the regencies and cities of { $province }. Pick one of the buttons below, check the spelling, or add the province (for example: Kota Bandung, Jawa Barat).
events-rsvp-error-gelombang_invalid = The batch is a number from { $min } to { $max }, for example 12. If you have never joined Prakerja, tap "Never joined Prakerja yet".
events-rsvp-error-training_empty = The training name is missing. Type it, or tap Skip.
events-rsvp-error-training_too_long = That training name is too long (at most { $max } characters). The short title is enough.
events-rsvp-error-companions_invalid = Please pick a number from 0 to { $max } on the buttons below.
events-rsvp-error-consent_choice = Please tap "I agree" or "I don't agree" below.
events-rsvp-confirmed = 🎉 Your registration for <b>{ $title }</b> is confirmed! See you there.
events-rsvp-updated-confirmed = ✅ Your registration for <b>{ $title }</b> has been updated. Your seat is still yours.
events-rsvp-waitlisted = <b>{ $title }</b> is fully booked, so you are <b>number { $position } on the waiting list</b>. As soon as a seat frees up I'll tell you — you'll have 24 hours to take it.
events-rsvp-updated-waitlisted = ✅ Your details have been updated. You are still on the waiting list for <b>{ $title }</b>, number { $position }.
events-rsvp-updated-offered = ✅ Your details have been updated. A seat is being held for you at <b>{ $title }</b> — open /rsvpku to take it before the time runs out.
events-rsvp-fail-event_not_found = Sorry, that event no longer exists.
events-rsvp-fail-event_not_open = Sorry, registration for <b>{ $title }</b> is not open. Your answers were not saved.
events-rsvp-fail-deadline_passed = Sorry, registration for <b>{ $title }</b> has just closed. Your answers were not saved.
events-rsvp-fail-user_not_found = Sorry, something went wrong while saving. Type /start and try registering again.
events-rsvp-fail-consent_missing = Sorry, your consent was not recorded, so the registration could not be saved. Please try again.
events-rsvp-fail-alumni_only = Sorry, <b>{ $title }</b> is for Prakerja alumni only.
events-rsvp-fail-too_many_companions = This event allows only { $max } companions. Please register again with that number.
events-rsvp-fail-no_room_for_companions = Sorry, there aren't enough seats left for more companions ({ $left } left). Your earlier registration still stands unchanged.

## Ticket
events-ticket-title = 🎫 <b>Your ticket</b>
events-ticket-qr-caption = This is your personal check-in QR code. Show it to the organisers when you arrive. Backup code: <code>{ $code }</code>
events-ticket-ics-caption = 📅 Add it to your calendar so you don't forget.
events-ticket-unavailable = Tickets exist only for confirmed registrations.

## My registrations (/rsvpku)
events-my-title = 📋 <b>Your registrations</b>
events-my-none = You are not registered for any upcoming event.
events-my-status-confirmed = Confirmed ({ $seats ->
    [one] 1 seat
   *[other] { $seats } seats
})
events-my-status-checked-in = Attended ✅
events-my-status-waitlisted = Waiting list number { $position }
events-my-status-offered = A seat is waiting for you! Take it before { $until }
events-my-status-event-cancelled = Event cancelled
events-my-status-other = Not active
events-my-cancel-confirm = Do you really want to cancel your registration for <b>{ $title }</b>? Your seat will go to the next person on the waiting list.
events-my-kept = OK, your registration for <b>{ $title }</b> stands. 👍
events-my-cancelled = Your registration for <b>{ $title }</b> is cancelled. Thanks for letting us know — your seat can go to another alumnus. 🙏
events-my-cancel-failed-not_found = That registration no longer exists.
events-my-cancel-failed-not_yours = That registration is not yours.
events-my-cancel-failed-wrong_status = Your registration for <b>{ $title }</b> is no longer active, so there is nothing to cancel.
events-my-cancel-failed-event_not_open = <b>{ $title }</b> is no longer running, so its registrations can't be changed.
events-my-cancel-failed-offer_expired = Your registration for <b>{ $title }</b> is no longer active.

## Seat offers from the waiting list
events-offer =
    🎉 <b>Good news!</b> A seat has freed up at <b>{ $title }</b> ({ $when }).

    It is held for you until <b>{ $until }</b>. Would you like it?
events-offer-accepted = 🎉 Your seat at <b>{ $title }</b> is confirmed!
events-offer-declined = OK, the seat goes to the next person. Thanks for letting us know! 🙏
events-offer-lapsed = The time to take the seat at <b>{ $title }</b> has run out, so it went to the next person. Hope to see you at the next one! 🙏
events-offer-fail-not_found = That offer no longer exists.
events-offer-fail-not_yours = That offer is not for you.
events-offer-fail-wrong_status = The seat offer for <b>{ $title }</b> is no longer valid.
events-offer-fail-event_not_open = <b>{ $title }</b> no longer takes registrations.
events-offer-fail-offer_expired = Sorry, the time to take the seat at <b>{ $title }</b> has run out and it went to the next person.

## Notices
events-cancelled-notice = ⚠️ We're sorry: <b>{ $title }</b> ({ $when }) has been <b>cancelled</b> by the organisers. Your registration lapses automatically. Keep an eye on /acara for the next one. 🙏
events-changed-notice =
    📢 There's a change to <b>{ $title }</b>:
    📅 { $when }
    📍 { $place }
    🏠 { $address }
events-reminder-day =
    ⏰ <b>Reminder:</b> see you tomorrow at <b>{ $title }</b>!
    📅 { $when }
    📍 { $place }
    🏠 { $address }

    Remember your check-in QR code (tap the ticket button below). If you can't come, cancel in /rsvpku so someone else can have your seat.
events-reminder-hours =
    ⏰ <b>2 hours to go</b> until <b>{ $title }</b>!
    📅 { $when }
    📍 { $place }
    🏠 { $address }

    Have your check-in QR code ready. See you! 👋

## Check-in
events-checkin-ok = ✅ Checked in: <b>{ $name }</b> — { $title } ({ $seats ->
    [one] 1 seat
   *[other] { $seats } seats
}).
events-checkin-already = ℹ️ <b>{ $name }</b> already checked in at { $title } on { $when }.
events-checkin-not-found = ❌ Unknown check-in code. Check the code again, or ask the attendee to open their ticket in /rsvpku.
events-checkin-not-confirmed = ⚠️ This registration for { $title } is not confirmed (still waiting or cancelled), so it can't check in.
events-checkin-event-closed = ⚠️ { $title } is not running (cancelled or not published), so the check-in was not recorded.
events-checkin-welcome = 👋 Welcome to <b>{ $title }</b>, { $name }! Your attendance has been recorded. Enjoy the event!
events-checkin-own-code = This is your own check-in code for <b>{ $title }</b>. Show the QR code to the organisers at the venue. 😊
events-checkin-staff-only = This code can only be scanned by the event organisers.
events-checkin-usage = Usage: <code>/checkin CODE</code> — the code is under the attendee's ticket QR (or paste their check-in link).

## Admin tools: creating and editing events
events-admin-create-intro = 🛠️ Creating a new alumni meetup. I'll ask one thing at a time and check each answer right away. Type /batal at any time to stop.
events-admin-ask-title = What is the event's title? (for example: Temu Alumni Prakerja Jambi 2027)
events-admin-ask-province = Which province? (abbreviations like "jatim" or "kalsel" work)
events-admin-ask-province-own = Which province? You organise events in { $provinces }, so pick one of them with the buttons below.
events-admin-ask-city = Which regency or city in { $province }?
events-admin-ask-venue = What is the venue called? (for example: Aula Dinas Tenaga Kerja)
events-admin-ask-address = And its full address?
events-admin-ask-location = Send the venue's location: attach a Location from the 📎 menu (move the map to the venue), or paste coordinates like -1.6101, 103.6131. Tap Skip if you don't have it yet.
events-admin-location-nudge = Send a Location from the 📎 menu, paste "latitude, longitude", or tap Skip.
events-admin-ask-start = When does it start? Write the local date and time ({ $zone }), for example: 10-03-2027 09.00
events-admin-ask-end = When does it end? Just the time if it's the same day (for example 15.00), or the full date and time ({ $zone }). It starts { $start }.
events-admin-ask-capacity = How many seats? Type 0 for no limit.
events-admin-ask-deadline = When does registration close? Write the date and time ({ $zone }), or Skip to keep it open until the start ({ $start }).
events-admin-ask-audience = Who is the event for?
events-admin-btn-audience-everyone = Everyone
events-admin-btn-audience-alumni = Alumni only
events-admin-ask-companions = May people bring companions? Pick the maximum (0 to { $max }).
events-admin-ask-description = Write the description or agenda (several lines are fine), or Skip.
events-admin-preview-title = 👀 Here's the preview:
events-admin-link-after-publish = (the link is created once it's saved)
events-admin-preview-nudge = Please choose one of the buttons under the preview: Publish, Save as draft, or Discard.
events-admin-btn-publish = 📣 Publish
events-admin-btn-save-draft = 📝 Save as draft
events-admin-btn-discard = 🗑️ Discard
events-admin-discarded = OK, the event was not saved.
events-admin-published =
    📣 <b>{ $title }</b> (#{ $id }) is published and open for registration.
    Share the link: { $link }
events-admin-drafted = 📝 <b>{ $title }</b> (#{ $id }) is saved as a draft. Publish it from /acara_admin when it's ready.
events-admin-not-saved = ⚠️ Not saved:
events-admin-not-editable = This event is cancelled or completed, so it can't be changed.
events-admin-btn-manage = ⚙️ Manage this event
events-admin-edit-which = Which part of <b>{ $title }</b> do you want to change?
events-admin-field-title = Title
events-admin-field-description = Description/agenda
events-admin-field-place = Venue
events-admin-field-location = Map pin
events-admin-field-time = Time
events-admin-field-capacity = Capacity
events-admin-field-deadline = Registration deadline
events-admin-field-audience = Audience
events-admin-field-companions = Companions
events-admin-edit-saved = ✅ <b>{ $title }</b> is updated. { $told } registrants were told about the change; { $offers } people on the waiting list got a seat offer.
events-admin-edit-nothing = Nothing changed on <b>{ $title }</b>.
events-admin-edit-more = Anything else to change?

## Admin tools: list and manage
events-admin-list-title = 🛠️ <b>Manage alumni meetups</b>
events-admin-list-empty = No events yet. Create one with /buatacara or import a CSV with /impor_acara.
events-admin-list-item =
    <b>#{ $id } { $title }</b> — { $status }
    📅 { $when }
    👥 { $confirmed } confirmed · seats { $taken }/{ $capacity } · { $waitlisted } waiting
events-admin-btn-open = ⚙️ Manage #{ $id }
events-admin-manage-title = ⚙️ <b>Event #{ $id }</b> — { $status }
events-admin-manage-counts = 👥 Confirmed: { $confirmed } · Offered: { $offered } · Waiting: { $waitlisted } · Cancelled/lapsed: { $cancelled } · Checked in: { $checkedIn }
events-admin-btn-edit = ✏️ Edit
events-admin-btn-cancel-event = ❌ Cancel event
events-admin-btn-complete = 🏁 Mark completed
events-admin-btn-export = 📥 Export CSV
events-admin-btn-back = ⬅️ All events
events-admin-cancel-confirm = Really cancel <b>{ $title }</b>? Everyone registered or waiting is told right away. This can't be undone.
events-admin-btn-cancel-yes = Yes, cancel the event
events-admin-btn-cancel-no = Don't
events-admin-cancel-kept = OK, <b>{ $title }</b> goes ahead.
events-admin-cancelled = ❌ <b>{ $title }</b> is cancelled. The notice reached { $told } of { $total } registrants.
events-admin-completed = 🏁 <b>{ $title }</b> is marked completed.
events-admin-wrong-status = Not possible: this event is now { $status }.
events-status-draft = draft
events-status-published = published
events-status-cancelled = cancelled
events-status-completed = completed

## Admin tools: import and export
events-import-howto =
    📥 <b>Import events from CSV</b>
    Send a .csv file as a document with the caption <code>/impor_acara</code>.

    Required columns: <code>judul,provinsi,kota,tempat,alamat,mulai,selesai,kapasitas,deskripsi</code>
    Optional columns: <code>batas_rsvp,lat,lon,audiens,pendamping</code>
    Times are ISO 8601 with an offset, for example <code>2027-03-10T09:00:00+07:00</code> (WIB +07:00, WITA +08:00, WIT +09:00). Capacity 0 means no limit.

    Every row is checked first: if even one is wrong, nothing is imported, and I tell you which rows to fix.
events-import-ok = ✅ { $count } events imported and published. See them in /acara_admin.
events-import-failed = ⚠️ Nothing was imported — { $count } things need fixing first:
events-import-more-errors = …and { $count } more problems. Fix the ones above first, then send the file again.
events-import-error-cell = Line { $line }, column { $column }: { $problem }
events-import-error-line = Line { $line }: { $problem }
events-import-error-file = File: { $problem }
events-import-too-big = The file is too big (1 MB at most). Please split it into several files.
events-import-not-csv = Please send a .csv file (in Excel: Save As → CSV UTF-8).
events-import-download-failed = Sorry, the file could not be downloaded from Telegram. Please send it again in a moment.
events-export-pick = Export data of which event?
events-export-which = What to export for <b>{ $title }</b>?
events-export-btn-registrations = 👥 Registrations
events-export-btn-feedback = 💬 Feedback
events-export-registrations-caption = Registrations for { $title } ({ $rows } rows). Opens directly in Excel.
events-export-feedback-caption = Participant feedback for { $title }.

## Problems with event fields (CSV import and /buatacara)
events-issue-required = is required
events-issue-too_short = is too short (at least { $min } characters)
events-issue-too_long = is too long (at most { $max } characters)
events-issue-province_unknown = province "{ $value }" is not recognised — check the spelling
events-issue-province_outside_scope = Sorry, you can only hold events in the provinces you organise ({ $provinces }), and { $value } is not one of them. Please pick one of your provinces with the buttons below.
events-issue-city_unknown = "{ $value }" is not a regency or city of { $province } — check the spelling
events-issue-datetime_invalid = the time "{ $value }" can't be read; use a format like 2027-03-10T09:00:00+07:00
events-issue-datetime_no_offset = the time "{ $value }" has no offset; add +07:00 (WIB), +08:00 (WITA) or +09:00 (WIT)
events-issue-datetime_local_invalid = the time "{ $value }" can't be read; write it like 10-03-2027 09.00
events-issue-date_not_exist = the date "{ $value }" does not exist
events-issue-capacity_invalid = capacity "{ $value }" must be a whole number, 0 or more (0 = no limit)
events-issue-capacity_too_large = capacity is too large (at most { $max })
events-issue-number_invalid = "{ $value }" is not a valid decimal number
events-issue-latitude_range = latitude "{ $value }" must be between -90 and 90 (latitude and longitude swapped?)
events-issue-longitude_range = longitude "{ $value }" must be between -180 and 180
events-issue-coordinates_invalid = coordinates "{ $value }" can't be read; write "latitude, longitude", for example -1.6101, 103.6131
events-issue-coordinates_pair = fill in both lat and lon, or leave both empty
events-issue-coordinates_outside_indonesia = those coordinates are outside Indonesia (latitude and longitude swapped?)
events-issue-audience_invalid = audience "{ $value }" is unknown; use "alumni" or "semua"
events-issue-companions_invalid = companions must be 0 to { $max }
events-issue-start_in_past = the start time has passed; use a future time
events-issue-end_before_start = the end must be after the start
events-issue-event_too_long = the event lasts more than { $days } days — check the end date
events-issue-deadline_after_start = the registration deadline must be before the start
events-issue-deadline_in_past = the registration deadline has passed
events-issue-capacity_below_taken = capacity can't be below the { $taken } seats already taken
events-issue-file_empty = the file is empty
events-issue-no_rows = the file has only the header, no event rows
events-issue-csv_malformed = the CSV is broken around line { $line } (check the quotes)
events-issue-missing_column = column "{ $column }" is missing
events-issue-unknown_column = column "{ $column }" is unknown (did you mean "{ $suggestion }"?)
events-issue-duplicate_column = column "{ $column }" appears twice
events-issue-too_many_rows = too many rows ({ $count }); at most { $max } events per import
events-issue-column_count = { $got } columns, expected { $expected } (check commas and quotes)
events-issue-duplicate_row = same as line { $other } (same title, province and start)
events-issue-already_exists = an event "{ $title }" with the same start already exists
events-issue-province_not_allowed = province "{ $value }" is outside the provinces you organise

## Nearest events (location)
events-nearest-btn = 📍 Send location
events-nearest-prompt = 📍 Want the nearest meetups? Tap <b>Send location</b> below.
events-nearest-title = 📍 Meetups nearest to you (your location is not stored):
events-nearest-none = No upcoming meetup with a known place yet. See all meetups with /acara.
events-nearest-distance = 🧭 Distance: { $distance }
