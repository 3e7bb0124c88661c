## Province organisers, announcement cards in channels/groups and inline results (issue 16)
## Announcement cards use Telegram's HTML mode; values are escaped by the code.

organisers-card-title = 📣 <b>{ $title }</b>
organisers-card-when = 🗓 { $when }
organisers-card-place = 📍 { $place }
organisers-card-alumni-only = 🎓 Kartu Prakerja alumni only
organisers-card-seats = 🪑 Seats left: { $seats }
organisers-card-seats-unlimited = 🪑 No seat limit
organisers-card-full = 🔴 Full — waiting list open
organisers-card-closed = ⏰ Registration has closed
organisers-card-completed = ✅ This meetup has ended. Thank you to everyone who came!
organisers-card-cancelled = ❌ <b>CANCELLED</b> — this meetup will not take place.
organisers-card-button = Register
organisers-inline-description = { $date } · { $city }

## Nearest meetups from a shared location
organisers-distance-km = { $km } km
organisers-distance-approximate = ± { $km } km (from the centre of { $city })

## Organiser provinces (/penyelenggara_tambah)
organisers-provinces-empty = Write at least one province, e.g. <code>Jambi</code> or BPS code <code>15</code>.
organisers-province-unknown = Province "{ $value }" is not recognised.
organisers-province-unknown-suggest = Province "{ $value }" is not recognised. Did you mean: { $suggestions }?
organisers-province-code-unknown = Province code "{ $value }" is not in the official BPS list.
organisers-add-is-owner = User { $id } is a bot owner (ADMIN_IDS) and already manages every province.
organisers-add-is-national = User { $id } is a national admin; remove them with /admin_hapus first to limit them to some provinces.

## Managing organisers (owners only)
organisers-usage-add = Usage: <code>/penyelenggara_tambah 123456789 Jambi, Gorontalo</code> (a numeric Telegram ID, then one or more provinces: names or BPS codes, separated by commas).
organisers-usage-remove = Usage: <code>/penyelenggara_hapus 123456789</code> (a numeric Telegram ID).
organisers-added = ✅ { $id } is now an organiser for: { $provinces }.
organisers-updated = ✅ { $id } now organises: { $provinces }.
organisers-removed = ✅ { $id } is no longer an organiser.
organisers-not-organiser = { $id } is not an organiser.
organisers-list-organiser = { $id } — organiser: { $provinces }

## Announcement channels and groups (my_chat_member)
organisers-chat-kind-channel = channel
organisers-chat-kind-group = group
organisers-chat-kind-supergroup = group
organisers-chat-added = 📣 The bot is now an admin of the { $kind } <b>{ $title }</b>. Event cards can be posted there with /umumkan.
organisers-chat-removed = The bot is no longer an admin of <b>{ $title }</b>; that chat is no longer used for announcements.

## /umumkan
organisers-announce-pick-event = <b>Announce an event</b> — pick the event whose card goes to a channel or group:
organisers-announce-event-line = <b>{ $n }. { $title }</b>
    🗓 { $when } · { $city }
organisers-announce-btn-event = { $n }
organisers-announce-no-events = No published event to announce yet. Publish one first with /acara_admin.
organisers-announce-no-chats = No channel or group for announcements yet. Make @{ $bot } an admin of a channel or group (allowed to post), then try /umumkan again.
organisers-announce-pick-chat = Post the card of <b>{ $title }</b> where?
organisers-announce-posted = ✅ The card of <b>{ $title }</b> was posted to <b>{ $chat }</b>. It follows the event when it changes, fills up or is cancelled.
organisers-announce-posted-link = ✅ The card of <b>{ $title }</b> was posted to <b>{ $chat }</b>: { $link }
    It follows the event when it changes, fills up or is cancelled.
organisers-announce-failed = The card could not be posted to <b>{ $chat }</b>: check that the bot is still an admin there and may post.
