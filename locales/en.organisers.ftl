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
