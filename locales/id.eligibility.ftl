# Cek kelayakan (/kelayakan) — aturan skema normal 2023+. Jawaban tidak disimpan.

eligibility-intro =
    Yuk, cek apakah kamu memenuhi syarat Kartu Prakerja ✅
    Ada 6 pertanyaan singkat. Jawabanmu hanya dipakai untuk pengecekan ini dan tidak disimpan. Ketik /batal kapan saja untuk berhenti.
eligibility-q-citizen = <b>1/6</b> Apakah kamu Warga Negara Indonesia (WNI)?
eligibility-q-age =
    <b>2/6</b> Berapa umurmu?
    Ketik angkanya (misalnya <i>25</i>) atau tanggal lahirmu (misalnya <i>17-08-1995</i>).
eligibility-q-student = <b>3/6</b> Apakah saat ini kamu sedang sekolah atau kuliah (masih terdaftar di pendidikan formal)?
eligibility-q-occupation = <b>4/6</b> Apakah saat ini kamu termasuk salah satu di bawah ini? Kalau tidak, pilih <i>Bukan salah satunya</i>.
eligibility-q-recipient = <b>5/6</b> Apakah kamu pernah ditetapkan sebagai penerima Kartu Prakerja? Termasuk kalau kepesertaanmu kemudian dicabut (misalnya karena tidak membeli pelatihan dalam 15 hari).
eligibility-q-family = <b>6/6</b> Selain kamu, berapa orang dalam Kartu Keluarga (KK)-mu yang sudah menjadi penerima Kartu Prakerja?

eligibility-yes = Ya
eligibility-no = Tidak
eligibility-recipient-yes = Ya, pernah
eligibility-recipient-no = Belum pernah
eligibility-family-0 = Belum ada
eligibility-family-1 = 1 orang
eligibility-family-2 = 2 orang atau lebih
eligibility-occupation-asn = ASN (PNS/PPPK)
eligibility-occupation-tni = Anggota TNI
eligibility-occupation-polri = Anggota Polri
eligibility-occupation-pejabat_negara = Pejabat negara
eligibility-occupation-dprd = Anggota DPR/DPRD
eligibility-occupation-kepala_desa = Kepala desa / perangkat desa
eligibility-occupation-perangkat_desa = Perangkat desa
eligibility-occupation-bumn_bumd = Direksi/komisaris/dewan pengawas BUMN/BUMD
eligibility-occupation-none = Bukan salah satunya

eligibility-your-answer = ➡️ <b>{ $answer }</b>
eligibility-use-buttons = Pilih jawabanmu dengan tombol di bawah ini, ya. Ketik /batal kalau mau berhenti.
eligibility-old-button = Tombol ini dari pertanyaan lain. Jawab pertanyaan terakhir, atau ketik /kelayakan untuk mulai lagi.
eligibility-age-invalid = Maaf, aku belum bisa membaca umur dari pesan itu 🙏 Ketik umurmu dalam angka (misalnya <i>25</i>) atau tanggal lahirmu dengan format tanggal-bulan-tahun (misalnya <i>17-08-1995</i>).
eligibility-age-out-of-range = Hmm, umur itu sepertinya kurang pas. Ketik umur antara 0 dan 120 tahun, atau tanggal lahirmu (misalnya <i>17-08-1995</i>).
eligibility-age-future = Tanggal itu belum lewat, jadi belum bisa jadi tanggal lahir 😊 Coba periksa lagi tahunnya, ya.
eligibility-age-from-date = Berarti umurmu sekarang { $age } tahun.

eligibility-result-eligible =
    ✅ <b>Kamu memenuhi syarat dasar Kartu Prakerja.</b>

    Langkah berikutnya: buat akun di <a href="https://www.prakerja.go.id">www.prakerja.go.id</a> (satu-satunya tempat pendaftaran), selesaikan verifikasi dan Tes Kemampuan Dasar, lalu pilih <b>Gabung Gelombang</b> saat ada gelombang yang dibuka. Pantau pengumumannya di situs dan media sosial resmi Prakerja.

    Siapkan <b>e-KTP</b> dan pastikan <b>NIK-mu sudah tercatat di Dukcapil</b>: NIK, nomor KK, dan tanggal lahir dicocokkan dengan data Dukcapil saat pendaftaran.

    <i>Ini perkiraan dari jawabanmu. Keputusan akhir ada di sistem resmi Prakerja (termasuk pengecekan NIK ke Dukcapil), dan tidak semua pendaftar yang memenuhi syarat lolos seleksi di setiap gelombang.</i>
eligibility-result-not-eligible =
    { $count ->
        [1] ❌ <b>Dari jawabanmu, kamu belum memenuhi syarat Kartu Prakerja.</b> Ada 1 syarat yang belum terpenuhi:
       *[other] ❌ <b>Dari jawabanmu, kamu belum memenuhi syarat Kartu Prakerja.</b> Ada { $count } syarat yang belum terpenuhi:
    }
eligibility-reason-wni = Peserta Kartu Prakerja harus Warga Negara Indonesia (WNI).
eligibility-reason-age-min = Usia minimal { $min } tahun, sedangkan umurmu { $age } tahun. Kamu bisa mendaftar setelah berusia { $min } tahun.
eligibility-reason-age-max = Usia maksimal { $max } tahun, sedangkan umurmu { $age } tahun.
eligibility-reason-education = Peserta tidak boleh sedang menempuh pendidikan formal. Kamu bisa ikut setelah lulus atau tidak lagi terdaftar sebagai pelajar/mahasiswa.
eligibility-reason-occupation = { $occupation } tidak bisa menjadi penerima Kartu Prakerja.
eligibility-reason-previous-recipient = Kartu Prakerja hanya bisa diterima satu kali, dan kamu sudah pernah menjadi penerima.
eligibility-reason-kk-quota = Dalam satu Kartu Keluarga paling banyak { $max } orang yang bisa menjadi penerima, dan jatah di KK-mu sudah terpakai.
eligibility-next-later = Kalau keadaannya nanti berubah (misalnya sudah berusia 18 tahun atau sudah lulus), kamu bisa mendaftar di <a href="https://www.prakerja.go.id">www.prakerja.go.id</a> dan ikut gelombang yang dibuka saat itu. Ada jawaban yang keliru? Tekan <i>Cek ulang</i>.
eligibility-next-not-eligible = Ada jawaban yang keliru? Tekan <i>Cek ulang</i>. Info resmi tentang syarat peserta ada di <a href="https://www.prakerja.go.id">www.prakerja.go.id</a>.
eligibility-button-official = 🌐 Buka prakerja.go.id
eligibility-button-again = 🔁 Cek ulang
