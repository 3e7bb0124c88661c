# Tanya jawab: jawaban atas pertanyaan yang diketik bebas, /tanya, dan /faq_admin untuk admin.

## Pengguna
faq-intro =
    <b>Tanya Jawab</b> ❓
    Langsung saja ketik pertanyaanmu tentang Prakerja dengan bahasamu sendiri, misalnya <i>"kapan insentif cair?"</i> atau <i>"brp lama batas beli pelatihan?"</i>

    Atau pilih pertanyaan yang sering ditanyakan:
faq-ask-prompt = Silakan ketik pertanyaanmu tentang Prakerja, misalnya: <i>berapa insentifnya?</i>
faq-suggest = Maksudmu yang mana? Pilih salah satu, atau ketik pertanyaanmu dengan kata lain.
faq-none =
    Maaf, aku belum tahu jawaban untuk pertanyaan itu 🙏 Pertanyaanmu sudah dicatat tanpa identitasmu, supaya tim kami bisa melengkapi jawabannya.

    Untuk info resmi, silakan cek:
    • <a href="https://www.prakerja.go.id">prakerja.go.id</a>
    • Formulir bantuan: <a href="https://bantuan.prakerja.go.id">bantuan.prakerja.go.id</a>

    Kamu juga bisa mencoba bertanya dengan kata lain, misalnya <i>"cara daftar"</i> atau <i>"syarat insentif"</i>.
faq-not-a-question = Ketik pertanyaanmu tentang Prakerja dengan kata-kata, ya. Misalnya: <i>cara daftar Prakerja</i>.
# Obrolan ringan (bukan pertanyaan; tidak dicatat sebagai pertanyaan belum terjawab)
faq-smalltalk-thanks = Sama-sama! 😊 Senang bisa membantu. Kalau masih ada yang ingin kamu tanyakan tentang Prakerja, ketik saja, ya.
faq-smalltalk-salam = Waalaikumsalam! 🙏 Ada yang bisa aku bantu seputar Kartu Prakerja? Ketik saja pertanyaanmu.
faq-smalltalk-help = Tentu, aku bantu! 🙂 Ketik pertanyaanmu tentang Prakerja dengan kata-katamu sendiri, misalnya <i>cara daftar</i> atau <i>insentif belum masuk</i>, atau buka /menu untuk cek syarat dan lihat acara Temu Alumni. Kalau masalahmu soal akun Prakerja dan perlu ditangani timnya langsung, laporkan lewat <a href="https://bantuan.prakerja.go.id">bantuan.prakerja.go.id</a>.
faq-smalltalk-greeting = Halo! 👋 Mau tanya apa soal Prakerja? Ketik saja pertanyaanmu, misalnya <i>cara daftar</i> atau <i>kapan insentif cair</i>, atau buka /menu.
faq-smalltalk-ack = Siap! 👍 Kalau ada yang mau ditanyakan lagi, ketik saja pertanyaanmu.
faq-smalltalk-noise = Hmm, aku belum menangkap maksudnya 😅 Coba ketik pertanyaanmu dengan kata-kata, misalnya <i>syarat ikut Prakerja</i> atau <i>insentif belum masuk</i>.
faq-related = Pertanyaan terkait:
faq-vote-helpful = Membantu 👍
faq-vote-not-helpful = Tidak 👎
faq-vote-thanks-short = Terima kasih!
faq-vote-thanks-helpful = <i>Terima kasih atas penilaianmu! 🙏</i>
faq-vote-thanks-not-helpful = <i>Terima kasih atas masukanmu. Maaf jawabannya belum membantu — coba tanyakan dengan kata lain, atau hubungi <a href="https://bantuan.prakerja.go.id">bantuan.prakerja.go.id</a>.</i>
faq-vote-already = Kamu sudah menilai jawaban ini. Terima kasih!
faq-entry-gone = Pertanyaan ini sudah tidak tersedia. Coba ketik pertanyaanmu lagi.

## Admin
faq-admin-panel =
    <b>Kelola FAQ</b> — { $count } entri.
    Perubahan langsung berlaku untuk pertanyaan berikutnya.

    Cari cepat: <code>/faq_admin kata kunci</code>
    Impor: kirim file CSV dengan keterangan (caption) <code>/faq_impor</code>. Ekspor dulu untuk melihat formatnya.
faq-admin-button-list = 📋 Daftar
faq-admin-button-search = 🔎 Cari
faq-admin-button-add = ➕ Tambah
faq-admin-button-export = 📤 Ekspor CSV
faq-admin-button-worst = 📉 Entri paling banyak 👎
faq-admin-button-unmatched = ❓ Belum terjawab
faq-admin-button-downvoted = 👎 Dinilai tidak membantu
faq-admin-button-home = 🏠 Panel FAQ
faq-admin-button-back = ◀️ Kembali
faq-admin-button-edit = ✏️ Ubah
faq-admin-button-delete = 🗑 Hapus
faq-admin-button-delete-confirm = 🗑 Ya, hapus
faq-admin-button-save = ✅ Simpan
faq-admin-button-cancel = Batal
faq-admin-list-title = <b>Daftar FAQ</b> — halaman { $page }/{ $pages } ({ $count } entri)
faq-admin-list-line = <b>#{ $id }</b> [{ $category }] { $question }
faq-admin-entry-head = <b>#{ $id }</b> · <code>{ $slug }</code> · kategori <code>{ $category }</code>
faq-admin-entry-question = <b>Pertanyaan:</b> { $question }
faq-admin-entry-answer = <b>Jawaban:</b>
faq-admin-entry-variants = <b>Variasi:</b> { $variants }
faq-admin-entry-keywords = <b>Kata kunci:</b> { $keywords }
faq-admin-not-found = Entri itu sudah tidak ada.
faq-admin-field-question = Pertanyaan
faq-admin-field-answer = Jawaban
faq-admin-field-variants = Variasi
faq-admin-field-keywords = Kata kunci
faq-admin-field-category = Kategori
faq-admin-field-slug = Slug
faq-admin-hint-question = Ketik pertanyaan baru (5–300 karakter).
faq-admin-hint-answer = Ketik jawaban baru (10–3500 karakter). Boleh memakai &lt;b&gt;, &lt;i&gt;, dan &lt;a href="…"&gt;; tulis tanda &amp; sebagai &amp;amp;.
faq-admin-hint-variants = Ketik variasi pertanyaan, satu per baris (atau pisahkan dengan |). Ketik - untuk mengosongkan.
faq-admin-hint-keywords = Ketik kata kunci, pisahkan dengan koma. Ketik - untuk mengosongkan.
faq-admin-hint-category = Ketik kategori: huruf kecil, angka, dan tanda minus, misalnya <code>insentif</code>.
faq-admin-edit-which = Bagian mana dari <b>#{ $id }</b> yang ingin diubah?
    { $question }
faq-admin-edit-prompt =
    <b>#{ $id } · { $field }</b> saat ini:
    <pre>{ $current }</pre>
    { $hint }
    Ketik /batal untuk membatalkan.
faq-admin-saved = ✅ { $field } untuk #{ $id } tersimpan dan langsung berlaku.
faq-admin-save-failed = Gagal menyimpan:
faq-admin-save-failed-retry = Belum bisa disimpan, coba ketik lagi (atau /batal):
faq-admin-issue = • { $field }: { $error }
faq-admin-field-invalid = { $field } belum sesuai: { $error }. Coba ketik lagi, atau /batal.
faq-admin-send-text = Kirim dalam bentuk teks, ya (atau /batal untuk membatalkan).
faq-admin-use-buttons = Pilih Simpan atau Batal dengan tombol di atas.
faq-admin-add-start = <b>Tambah entri FAQ</b> — ada 5 langkah. Ketik /batal kapan saja untuk membatalkan.
faq-admin-ask-question = <b>1/5 Pertanyaan utama</b> (5–300 karakter), misalnya <i>Berapa lama batas membeli pelatihan pertama?</i>
faq-admin-ask-answer = <b>2/5 Jawaban</b> (10–3500 karakter). Boleh memakai &lt;b&gt;, &lt;i&gt;, dan &lt;a href="…"&gt;; tulis tanda &amp; sebagai &amp;amp;.
faq-admin-ask-variants = <b>3/5 Variasi pertanyaan</b> — cara lain orang menanyakannya, satu per baris. Ketik - kalau tidak ada.
faq-admin-ask-keywords = <b>4/5 Kata kunci</b>, pisahkan dengan koma. Ketik - kalau tidak ada.
faq-admin-ask-category = <b>5/5 Kategori</b> — pilih di bawah, atau ketik kategori baru (huruf kecil, angka, tanda minus).
faq-admin-preview-title = <b>Pratinjau</b> — begini jawabannya akan tampil:
faq-admin-preview-category = <b>Kategori:</b> { $category }
faq-admin-add-cancelled = Oke, entri tidak disimpan.
faq-admin-added = ✅ Entri <b>#{ $id }</b> tersimpan dan langsung bisa ditemukan.
faq-admin-delete-confirm = Hapus entri <b>#{ $id }</b>?
    { $question }
    Ini tidak bisa dibatalkan.
faq-admin-deleted = 🗑 Entri #{ $id } sudah dihapus.
faq-admin-search-prompt = Ketik kata atau pertanyaan yang dicari:
faq-admin-search-results = Hasil untuk <i>{ $query }</i> ({ $count }):
faq-admin-search-none = Tidak ada entri yang cocok dengan <i>{ $query }</i>.
faq-admin-export-caption = Basis FAQ: { $count } entri. Ubah di spreadsheet, lalu kirim lagi dengan keterangan /faq_impor.
faq-admin-import-howto =
    Kirim file CSV (UTF-8) dengan keterangan (caption) <code>/faq_impor</code>.
    Kolom: <code>slug, kategori, pertanyaan, jawaban, variasi, kata_kunci</code> — variasi dan kata kunci dipisahkan dengan |. Entri dengan slug yang sudah ada akan diperbarui, slug baru ditambahkan. Kalau ada satu baris saja yang salah, tidak ada yang diimpor.
faq-admin-import-too-big = File terlalu besar (maksimal { $max } MB).
faq-admin-import-not-utf8 = File ini bukan teks UTF-8. Simpan ulang sebagai "CSV UTF-8" lalu kirim lagi.
faq-admin-import-download-failed = File tidak bisa diunduh dari Telegram. Coba kirim lagi sebentar lagi.
faq-admin-import-rejected = ❌ <b>Impor dibatalkan, tidak ada yang diubah.</b> Ada { $count } masalah:
faq-admin-import-error = • Baris { $line }: { $error }
faq-admin-import-error-column = • Baris { $line }, kolom <code>{ $column }</code>: { $error }
faq-admin-import-more = … dan { $count } masalah lain.
faq-admin-import-done = ✅ Impor selesai: { $created } entri baru, { $updated } diperbarui. Langsung berlaku.
faq-admin-worst-title = <b>Jawaban dengan 👎 terbanyak</b>
faq-admin-worst-line = <b>#{ $id }</b> { $question } — 👎 { $down } · 👍 { $up }
faq-admin-worst-none = Belum ada jawaban yang dinilai 👎.
faq-learn-title-u = ❓ <b>Belum terjawab</b> · { $position } dari { $total }
faq-learn-title-d = 👎 <b>Dinilai tidak membantu</b> · { $position } dari { $total }
faq-learn-question = <b>Pertanyaan:</b> <i>{ $question }</i>
faq-learn-count-u = Ditanyakan { $count }× · terakhir { $when } (tanpa identitas penanya)
faq-learn-count-d = Dinilai 👎 { $count }× · terakhir { $when } (tanpa identitas penanya)
faq-learn-answered-with = Dijawab dengan <b>#{ $id }</b> { $question }
faq-learn-suggestions = Entri yang paling mirip menurut pencocok ada di tombol ➕ di bawah: satu ketukan menjadikan pertanyaan ini frasa baru untuk entri itu, dan langsung dipakai.
faq-learn-no-suggestions = Pencocok belum menemukan entri yang mirip. Jadikan entri baru, atau abaikan saja.
faq-learn-empty-u = ❓ Tidak ada pertanyaan yang belum terjawab. Mantap! 🎉
faq-learn-empty-d = 👎 Tidak ada pertanyaan dengan 👎 yang perlu ditinjau. 👍
faq-learn-button-attach = ➕ jadikan frasa untuk:
faq-learn-button-new = 🆕 jadikan entri baru
faq-learn-button-dismiss = 🗑 abaikan
faq-learn-button-view = 👁 Lihat entri #{ $id }
faq-learn-attached = ✅ Ditambahkan sebagai frasa entri #{ $id }, langsung berlaku.
faq-learn-attach-failed = Belum bisa ditambahkan: { $error }. Rapikan dulu variasi entri itu.
faq-learn-dismissed = 🗑 Diabaikan.
faq-learn-gone = Pertanyaan ini sudah ditangani.
faq-learn-new-question =
    <b>1/5 Pertanyaan utama</b>
    Pertanyaan dari pengguna: <i>{ $question }</i>
    Ketuk tombol di bawah untuk memakainya apa adanya, atau ketik pertanyaan yang lebih rapi (5–300 karakter) — kata-kata pengguna tetap disimpan sebagai variasi.
faq-learn-use-asked = ✅ Pakai apa adanya

## Kode kesalahan dari validasi FAQ dan impor CSV
faq-error-required = wajib diisi
faq-error-too_short = terlalu pendek
faq-error-too_long = terlalu panjang
faq-error-invalid_slug = hanya boleh huruf kecil, angka, dan tanda minus (-)
faq-error-invalid_html = format HTML tidak valid (hanya &lt;b&gt;, &lt;i&gt;, &lt;a href="…"&gt; yang ditutup dengan benar; tanda &amp; ditulis &amp;amp;)
faq-error-too_many = terlalu banyak isian
faq-error-duplicate_slug = slug sudah dipakai
faq-error-invalid = isinya tidak valid
faq-error-empty_file = file kosong
faq-error-csv_syntax = format CSV rusak (periksa tanda kutip)
faq-error-missing_column = kolom ini tidak ada di baris judul
faq-error-too_many_rows = terlalu banyak baris (maksimal 2000)
faq-error-column_count = jumlah kolom tidak sesuai dengan baris judul
# Weekly digest for owners (/faq_ringkasan)
faq-digest-on = ✅ Ringkasan mingguan FAQ <b>aktif</b>: tiap minggu kamu menerima pertanyaan yang paling sering belum terjawab dan entri dengan 👎 terbanyak. Ketik /faq_ringkasan lagi untuk mematikannya.
faq-digest-off = Ringkasan mingguan FAQ <b>dimatikan</b>. Ketik /faq_ringkasan untuk menyalakannya lagi.
faq-digest-owner-only = Ringkasan mingguan hanya untuk pemilik bot (ADMIN_IDS).
faq-digest-title = 📊 <b>Ringkasan mingguan FAQ</b>
faq-digest-unanswered = <b>❓ Paling sering belum terjawab (7 hari):</b>
faq-digest-unanswered-line = • { $count }× { $question }
faq-digest-downvoted = <b>👎 Pertanyaan yang jawabannya dinilai tidak membantu (7 hari):</b>
faq-digest-downvoted-line = • { $count }× { $question } → #{ $id }
faq-digest-worst = <b>👎 Paling tidak membantu:</b>
faq-digest-worst-line = • #{ $id } { $question } (👎 { $down }, 👍 { $up })
faq-digest-none = • (tidak ada)
faq-digest-footer = Tinjau dan lengkapi lewat /faq_admin → ❓ Belum terjawab dan 👎 Dinilai tidak membantu.
faq-digest-empty = 📊 <b>Ringkasan mingguan FAQ</b>: minggu ini tidak ada pertanyaan yang belum terjawab dan tidak ada 👎. 👍
