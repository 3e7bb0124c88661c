# Tentang Prakerja — panduan singkat (skema normal 2023+). Satu pesan per halaman, Telegram HTML.

about-prev = ◀️ Sebelumnya
about-next = Berikutnya ▶️
about-home = 🏠 Menu
about-position = <i>Halaman { $page } dari { $total }</i>

about-page-what =
    <b>Apa itu Kartu Prakerja?</b>

    Kartu Prakerja adalah program pemerintah untuk menambah keterampilan: supaya kamu lebih siap bekerja, bisa naik kelas di pekerjaan sekarang, atau mulai usaha sendiri.

    Program ini dijalankan oleh <b>Manajemen Pelaksana Program Kartu Prakerja</b> di bawah Kementerian Koordinator Bidang Perekonomian — bukan oleh Kemnaker.

    Prakerja dimulai 11 April 2020. Sejak 2023 programnya berjalan dengan <b>skema normal</b>, dan sampai 2023 sudah ada 17,4 juta penerima (18,9 juta orang pernah mengakses programnya).

about-page-who =
    <b>Siapa yang boleh ikut?</b>

    • WNI berusia 18–64 tahun
    • Tidak sedang sekolah atau kuliah (pendidikan formal)
    • Bukan pejabat negara, anggota DPR/DPRD, ASN, TNI, Polri, kepala desa atau perangkat desa
    • Bukan direksi, komisaris, atau dewan pengawas BUMN/BUMD
    • Dalam satu Kartu Keluarga, paling banyak 2 orang yang bisa jadi penerima
    • Seseorang hanya bisa menjadi penerima satu kali

    Penerima PKH, BSU, atau BPUM sekarang juga boleh ikut.

    Mau cek cepat? Ketik /kelayakan.

about-page-benefits =
    <b>Apa saja manfaatnya?</b> (skema normal, sejak 2023)

    • Bantuan biaya pelatihan <b>Rp3.500.000</b>
    • Insentif setelah pelatihan <b>Rp600.000</b>, satu kali
    • Insentif mengisi survei Rp50.000 × 2
    Totalnya Rp4.200.000.

    Saldo pelatihan hanya untuk membeli pelatihan, tidak bisa dicairkan jadi uang tunai.

    <i>Di tahun 2020–2022 aturannya berbeda (saldo Rp1.000.000, insentif Rp600.000 × 4). Kalau kamu dengar angka itu, itu aturan lama.</i>

about-page-register =
    <b>Bagaimana cara daftar?</b>

    Pendaftaran <b>hanya</b> di <a href="https://www.prakerja.go.id">www.prakerja.go.id</a>. Gratis, tanpa perantara.

    1. Buat akun dengan email.
    2. Verifikasi KTP dan KK: NIK, nomor KK, dan tanggal lahir.
    3. Lengkapi data diri, unggah foto e-KTP, lalu verifikasi wajah.
    4. Verifikasi nomor HP dengan kode OTP.
    5. Kerjakan Tes Kemampuan Dasar.
    6. Pilih <b>Gabung Gelombang</b> saat ada gelombang yang dibuka — pantau pengumumannya di situs resmi.

    Seleksi dilakukan sistem setelah gelombang ditutup, jadi bukan siapa cepat dia dapat. Belum lolos? Gabung lagi di gelombang berikutnya, tidak perlu daftar ulang.

about-page-accepted =
    <b>Sudah diterima? Jangan lewatkan 15 hari ini</b>

    Kalau kamu ditetapkan sebagai penerima (banyak yang menyebutnya "dapat SK"), hasilnya muncul di dashboard dan lewat SMS.

    Sejak saat itu kamu punya <b>15 hari</b> untuk membeli pelatihan pertama.

    Kalau batas itu terlewat, kepesertaanmu dicabut, saldonya kembali ke kas negara, dan kamu <b>tidak bisa ikut Prakerja lagi</b>.

    Jadi begitu hasilnya keluar, langsung pilih dan beli pelatihanmu. <i>(Di 2020–2022 batasnya 30 hari.)</i>

about-page-training =
    <b>Pelatihan seperti apa?</b>

    • <b>Daring</b>: webinar atau belajar mandiri (SPL)
    • <b>Luring</b>: tatap muka di lembaga pelatihan
    • <b>Hybrid</b>: gabungan keduanya
    Total durasinya minimal 15 jam.

    Cara membeli: pilih pelatihan di platform digital mitra, bayar dengan nomor Kartu Prakerja (16 digit) dan OTP, lalu tukarkan kode vouchernya di lembaga pelatihan. Setelah lulus, sertifikat muncul di dashboard dalam satu hari kerja.

about-page-incentive =
    <b>Kapan insentif cair?</b>

    Insentif Rp600.000 hanya untuk pelatihan pertama, dan cair kalau:
    • pelatihan pertama sudah selesai (ada sertifikat),
    • kamu sudah memberi rating dan ulasan,
    • rekening bank atau e-wallet sudah tersambung, atas NIK yang sama dan sudah terverifikasi.

    Insentif dibayar 3–5 hari kerja setelah jadwalnya muncul di dashboard. Cek di <b>dashboard.prakerja.go.id</b> → menu Insentif / Riwayat Insentif.

    Mitra pembayaran 2023–2024: BNI, BCA, OVO, DANA, GoPay, dan LinkAja.

about-page-channels =
    <b>Kanal resmi dan waspada penipuan</b>

    • Situs: <a href="https://www.prakerja.go.id">prakerja.go.id</a>
    • Bantuan: <a href="https://bantuan.prakerja.go.id">bantuan.prakerja.go.id</a>
    • Email: info@prakerja.go.id
    • Instagram @prakerja.go.id, X @prakerjagoid
    • NIK tidak cocok? Hubungi Dukcapil 1500-537

    ⚠️ Situs resmi selalu berakhiran <b>go.id</b>. Tidak ada aplikasi Prakerja resmi dan tidak ada jasa "bantu daftar". Jangan pernah memberikan OTP, NIK, atau kata sandi kepada siapa pun, termasuk yang mengaku petugas atau akun Telegram "Prakerja".

    Bot ini juga bukan kanal resmi — untuk urusan akunmu, selalu lewat kanal di atas.
