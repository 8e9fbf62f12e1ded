"""The command line's own help (``--help``): every command and option, in both languages.

Codes ``help.<command>`` describe a command (its first sentence is its line in a list of
commands); ``help.<command>.<option>`` one of its options; ``help.opt.<option>`` an option
several commands share.
"""

ENTRIES: dict[str, tuple[str, str, str, str]] = {
    # --- the office's own commands: nomor, agenda, laporan, retensi
    "help.init.pemerintah": ("Pemerintah daerah (profil kantor).", "", "Regional government (office profile).", ""),
    "help.init.dinas": ("Nama dinas di kop surat.", "", "The office's name on the letterhead.", ""),
    "help.init.bidang": ("Bidang.", "", "Division.", ""),
    "help.init.alamat": (
        "Alamat kantor; tanpa alamat profil kantor tidak ditulis.",
        "",
        "Office address; without one no profile is written.",
        "",
    ),
    "help.init.kota": ("Kota tempat surat ditandatangani.", "", "Town letters are signed in.", ""),
    "help.init.kode_pos": ("Kode pos.", "", "Postcode.", ""),
    "help.init.telepon": ("Telepon kantor.", "", "Office phone.", ""),
    "help.init.email": ("Surel kantor.", "", "Office e-mail.", ""),
    "help.init.laman": ("Laman kantor (https://…).", "", "Office website (https://…).", ""),
    "help.init.lambang": (
        "Berkas PNG/JPEG lambang daerah; disalin ke kantor/ dan dipatok sidik SHA-256-nya.",
        "",
        "The regional emblem as PNG/JPEG; copied to kantor/ and pinned by its SHA-256.",
        "",
    ),
    "help.init.kepala_dinas": ("Jabatan Kepala Dinas di surat.", "", "The head's title on letters.", ""),
    "help.init.kode_unit": (
        "Kode unit di nomor surat (mis. DSP3A); memulai register nomor tahun ini.",
        "",
        "Unit code in letter numbers (e.g. DSP3A); starts this year's number register.",
        "",
    ),
    "help.init.no_input": (
        "Jangan bertanya: profil kantor hanya dari opsi.",
        "",
        "Ask nothing: the office profile from the options only.",
        "",
    ),
    "help.retensi": (
        "Kasus yang menurut JRA jatuh tempo dipindahkan, dimusnahkan atau diserahkan permanen.",
        "",
        "Cases the JRA says are due for transfer, destruction or permanent hand-over.",
        "",
    ),
    "help.retensi.tanggal": (
        "Per tanggal ini, TTTT-BB-HH (bawaan: hari ini).",
        "",
        "As of this date, YYYY-MM-DD (default: today).",
        "",
    ),
    "help.retensi.semua": ("Tampilkan juga kasus yang masih aktif.", "", "Also list cases still active.", ""),
    "help.laporan": (
        "Laporan bulanan, triwulan atau tahunan (PERIODE: 2025-03, 2025-Q1, 2025; jenisnya boleh tidak ditulis) "
        "sebagai PDF berkop dan XLSX.",
        "",
        "Monthly, quarterly or yearly report (PERIODE: 2025-03, 2025-Q1, 2025; the kind may be left out) as a PDF "
        "with the kop and an XLSX.",
        "",
    ),
    "help.laporan.out": ("Folder tujuan (bawaan: folder ini).", "", "Output folder (default: this one).", ""),
    "help.laporan.format": (
        "Bentuk yang dibuat; boleh diulang (bawaan: pdf dan xlsx).",
        "",
        "Which forms to make; may be repeated (default: pdf and xlsx).",
        "",
    ),
    "help.agenda": (
        "Agenda per petugas: langkah terbuka, lewat waktu SOP (waktu kerja), keputusan menunggu, dokumen kurang.",
        "",
        "Agenda per person: open steps, steps past their SOP time (working time), decisions waiting, documents "
        "missing.",
        "",
    ),
    "help.agenda.staf": ("Hanya agenda staf ini (id).", "", "Only this staff member's agenda (id).", ""),
    "help.agenda.tanggal": (
        "Agenda per akhir hari kerja tanggal ini, TTTT-BB-HH (bawaan: hari ini).",
        "",
        "The agenda as of the end of this working day, YYYY-MM-DD (default: today).",
        "",
    ),
    "help.agenda.out": (
        "Tulis ke berkas ini (mis. agenda.ics untuk kalender ponsel).",
        "",
        "Write to this file (e.g. agenda.ics for a phone calendar).",
        "",
    ),
    "help.nomor": (
        "Nomor surat dari register arsip (records/nomor/TAHUN.yaml).",
        "",
        "Letter numbers from the archive's register (records/nomor/YEAR.yaml).",
        "",
    ),
    "help.nomor_ambil": (
        "Cadangkan nomor berikutnya jenis JENIS, untuk satu kasus dan langkahnya.",
        "",
        "Reserve the next number of kind JENIS, for one case and its step.",
        "",
    ),
    "help.nomor_ambil.kasus": ("Kasus pemilik nomor (id atau folder).", "", "The case the number is for.", ""),
    "help.nomor_ambil.langkah": (
        "Langkah yang mencatat nomor (bawaan: yang dinyatakan SOP untuk jenis ini).",
        "",
        "The step recording the number (default: the one the SOP declares for this kind).",
        "",
    ),
    "help.nomor_ambil.oleh": ("Id staf yang mencadangkan.", "", "Staff id of who reserves it.", ""),
    "help.nomor_ambil.tanggal": (
        "Tanggal surat, TTTT-BB-HH (bawaan: hari ini); menentukan tahun registernya.",
        "",
        "The letter's date, YYYY-MM-DD (default: today); it picks the year's register.",
        "",
    ),
    "help.nomor_ambil.lagi": (
        "Ambil nomor baru walau nomor langkah ini yang diambil sebelumnya belum dicatat atau dibatalkan.",
        "",
        "Take a new number although the one taken before for this step is neither recorded nor voided.",
        "",
    ),
    "help.nomor_ambil.perihal": (
        "Perihal surat, untuk surat di luar kasus.",
        "",
        "What the letter is about, for a letter of no case.",
        "",
    ),
    "help.nomor_batal": (
        "Batalkan NOMOR: barisnya tetap di register, ditandai batal.",
        "",
        "Void NOMOR: its line stays in the register, marked batal.",
        "",
    ),
    "help.nomor_batal.alasan": ("Mengapa nomor tidak dipakai.", "", "Why the number is not used.", ""),
    "help.nomor_batal.kasus": (
        "Nomor yang dicadangkan untuk kasus ini, bila nomornya ganda.",
        "",
        "The one reserved for this case, when the number is held twice.",
        "",
    ),
    "help.nomor_daftar": (
        "Tampilkan register nomor (satu TAHUN, atau semuanya).",
        "",
        "List the number register (one TAHUN, or all).",
        "",
    ),
    # --- the frame click draws around the help
    "help.heading_options": ("Opsi", "", "Options", ""),
    "help.heading_commands": ("Perintah", "", "Commands", ""),
    "help.default": ("bawaan", "", "default", ""),
    "help.required": ("wajib", "", "required", ""),
    "help.help": ("Tampilkan bantuan ini lalu keluar.", "", "Show this message and exit.", ""),
    "help.version": ("Tampilkan versi lalu keluar.", "", "Show the version and exit.", ""),
    # --- shared options
    "help.opt.root": (
        "Folder arsip (bawaan: records di sini atau di atasnya, atau arsip tempat folder ini berada).",
        "",
        "Archive folder (default: records here or above, or the archive this folder is in).",
        "",
    ),
    "help.opt.lang": (
        "Bahasa pesan: id atau en (bawaan: $SOP_KIT_LANG, selain itu id).",
        "",
        "Message language: id or en (default: $SOP_KIT_LANG, else id).",
        "",
    ),
    "help.opt.quiet": (
        "Cetak hanya hasil dan galat: tanpa kemajuan.",
        "",
        "Print only the result and errors: no progress.",
        "",
    ),
    "help.opt.verbose": (
        "Cetak juga lama tiap tahap dan satu baris per butir.",
        "",
        "Also print stage timings and a line per item.",
        "",
    ),
    "help.opt.no_trail": (
        "Tanpa jejak persetujuan dari riwayat git.",
        "",
        "Leave out the approval trail from git history.",
        "",
    ),
    "help.opt.no_cache": (
        "Abaikan hasil tersimpan: periksa setiap kasus dan commit lagi.",
        "",
        "Ignore cached results: judge every case and commit again.",
        "",
    ),
    "help.opt.jobs": ("Jumlah proses (bawaan: semua inti).", "", "Processes (default: all cores).", ""),
    "help.opt.format": ("Bentuk keluaran.", "", "Output format.", ""),
    # --- sop-kit
    "help.main": (
        "sop-kit: SOP 61.1.D.049/I/2020 (dan SOP AP lain) sebagai alur catatan yang dapat diaudit.",
        "",
        "sop-kit: SOP 61.1.D.049/I/2020 (and other SOP AP) as an auditable records pipeline.",
        "",
    ),
    "help.main.debug": ("Tampilkan traceback untuk galat.", "", "Show tracebacks for errors.", ""),
    "help.check": (
        "Periksa berkas SOP, daftar staf dan setiap kasus di ROOT (bawaan: records).",
        "",
        "Validate the SOP files, the staff registry and every case under ROOT (default: records).",
        "",
    ),
    "help.check.strict": ("Peringatan juga menggagalkan pemeriksaan.", "", "Warnings fail the check too.", ""),
    "help.check.changed_since": (
        "Laporkan hanya kasus yang berubah sejak revisi git ini (kasus lain tetap dibaca, dari cache bila tidak "
        "berubah: nomor dan berkas dibandingkan antarkasus).",
        "",
        "Report only cases changed since this git revision (the others are still read, from the cache while "
        "unchanged: numbers and files are compared across cases).",
        "",
    ),
    "help.status": (
        "Katakan langkah mana dari CASE (id atau folder) yang sudah selesai dan apa yang kurang berikutnya; "
        "tanpa CASE, setiap kasus yang belum selesai dan langkah berikutnya.",
        "",
        "Say which steps of CASE (an id or a folder) are done and what is missing next; without CASE, every "
        "case not finished and its next step.",
        "",
    ),
    "help.trail": (
        "Tampilkan siapa yang menyelesaikan atau memutuskan tiap langkah CASE, dari riwayat git, dan apakah "
        "terverifikasi.",
        "",
        "Show who completed or decided each step of CASE, from git history, and whether it is verified.",
        "",
    ),
    "help.sop": (
        "SOP itu sendiri: impor dari dokumennya, bandingkan revisi, tinjau terhadap praktik.",
        "",
        "The SOPs themselves: bring one in from its document, compare revisions, review against practice.",
        "",
    ),
    "help.sop_import": (
        "Baca dokumen SOP AP (.txt, .docx, PDF) dan tulis sebagai berkas data SOP untuk ditinjau.",
        "",
        "Read an SOP AP document (.txt, .docx, PDF) and write it as an SOP data file to review.",
        "",
    ),
    "help.sop_import.out": ("Berkas data SOP yang ditulis.", "", "SOP data file to write.", ""),
    "help.sop_import.force": ("Timpa --out bila sudah ada.", "", "Overwrite --out if it exists.", ""),
    "help.sop_diff": (
        "Apa yang berubah dari SOP A ke SOP B: berkas, atau NOMOR@REVISI / NOMOR (revisi terakhir) di --root.",
        "",
        "What changed from SOP A to SOP B: files, or NOMOR@REVISI / NOMOR (latest) in --root.",
        "",
    ),
    "help.sop_diff.exit_code": (
        "Keluar dengan kode 1 bila revisi berbeda (seperti git diff --exit-code).",
        "",
        "Exit 1 when the revisions differ (as git diff --exit-code).",
        "",
    ),
    "help.sop_stats": (
        "Durasi nyata tiap langkah (median, persentil ke-90) terhadap standar, dan seberapa sering dokumen "
        "wajib tidak ada, per revisi SOP.",
        "",
        "Each step's actual durations (median, 90th percentile) against the standard, and how often each "
        "mandated document was missing, per SOP revision.",
        "",
    ),
    "help.sop_stats.sop": ("Hanya SOP ini (semua revisinya).", "", "Only this SOP (all its revisions).", ""),
    "help.new": (
        "Buat folder kasus untuk satu kecamatan, desa dan periode, terisi setiap langkah SOP. Menanyakan "
        "yang tidak diberikan lewat opsi (dengan pilihan dari register), kecuali --no-input.",
        "",
        "Create a case folder for a kecamatan, desa and period, pre-filled with every SOP step. Asks for "
        "what the options leave out (with the register's choices), unless --no-input.",
        "",
    ),
    "help.new.kecamatan": (
        "Kecamatan, sesuai register Kemendagri.",
        "",
        "Kecamatan, as in the Kemendagri register.",
        "",
    ),
    "help.new.desa": ("Desa atau kelurahan di kecamatan itu.", "", "Desa or kelurahan of that kecamatan.", ""),
    "help.new.mulai": ("Awal periode pembinaan, TTTT-BB-HH.", "", "Start of the coaching period, YYYY-MM-DD.", ""),
    "help.new.sampai": (
        "Akhir periode, TTTT-BB-HH (biasanya diisi saat kasus ditutup).",
        "",
        "End of the period, YYYY-MM-DD (usually filled in at closing).",
        "",
    ),
    "help.new.judul": (
        "Judul kasus (publik; bawaan: nama SOP dan desa).",
        "",
        "Case title (public; default: the SOP's name and the desa).",
        "",
    ),
    "help.new.oleh": (
        "Id staf (dari staf.yaml) yang membuka kasus.",
        "",
        "Staff id (from staf.yaml) of whoever opens the case.",
        "",
    ),
    "help.new.sop": (
        "Nomor SOP, bila arsip memuat beberapa SOP.",
        "",
        "SOP number, when the archive holds several.",
        "",
    ),
    "help.new.lagi": (
        "Buat juga bila desa ini sudah punya kasus SOP yang sama yang belum selesai (pembinaan terpisah).",
        "",
        "Create it even if the desa has a case of the same SOP not yet finished (a separate coaching).",
        "",
    ),
    "help.new.no_input": (
        "Jangan bertanya; gagal bila opsi kurang (untuk skrip).",
        "",
        "Never ask; fail on a missing option (for scripts).",
        "",
    ),
    "help.step": (
        "Catat langkah N dari CASE: waktu, pelaksana, keputusan, lampiran. Komentar di berkas tetap ada.",
        "",
        "Record step N of CASE: times, who did it, the decision, attachments. Comments in the file survive.",
        "",
    ),
    "help.step.mulai": (
        'Mulai, "TTTT-BB-HH JJ:MM" atau "sekarang".',
        "",
        'Start, "YYYY-MM-DD HH:MM" or "sekarang".',
        "",
    ),
    "help.step.selesai": (
        'Selesai, "TTTT-BB-HH JJ:MM" atau "sekarang"; menandai langkah selesai.',
        "",
        'End, "YYYY-MM-DD HH:MM" or "sekarang"; marks the step done.',
        "",
    ),
    "help.step.pelaksana": (
        "Id staf (staf.yaml) yang mengerjakan langkah.",
        "",
        "Staff id (staf.yaml) of who did the step.",
        "",
    ),
    "help.step.keputusan": ("Keputusan, pada langkah keputusan.", "", "The decision, on the decision step.", ""),
    "help.step.alasan": ("Alasan keputusan.", "", "Reason for the decision.", ""),
    "help.step.alasan_waktu": (
        "Mengapa langkah lebih lama dari standar waktu SOP.",
        "",
        "Why the step took longer than the SOP's standard time.",
        "",
    ),
    "help.step.nomor_surat": (
        "Nomor surat atau SK yang dihasilkan langkah.",
        "",
        "Number of the letter or SK the step produced.",
        "",
    ),
    "help.step.catatan": (
        "Catatan (publik: tanpa nama anggota keluarga atau NIK).",
        "",
        "A note (public: no family names or NIK).",
        "",
    ),
    "help.step.status": ("Tetapkan status secara langsung.", "", "Set the status explicitly.", ""),
    "help.step.putaran": ("Putaran (bawaan: yang sedang berjalan).", "", "Round (default: the one due now).", ""),
    "help.step.lampir": (
        "Lampirkan dokumen atau foto (boleh berulang): disalin ke kasus, jenisnya diperiksa, sidiknya dicatat.",
        "",
        "Attach a document or photo (repeatable): copied into the case, type checked, hash recorded.",
        "",
    ),
    "help.step.jenis": (
        "Id jenis dokumen lampiran (bawaan: jenis milik langkah).",
        "",
        "Document kind id of the attachments (default: the step's own).",
        "",
    ),
    "help.step.judul": (
        "Judul (dokumen) atau keterangan (foto) lampiran.",
        "",
        "Title (document) or caption (photo) of the attachments.",
        "",
    ),
    "help.step.pribadi": ("Lampiran memuat data pribadi.", "", "The attachments hold personal data.", ""),
    "help.step.bersama": (
        "Lampiran juga mencatat kasus ini (kegiatan bersama dua desa); kasus itu juga menyebut kasus ini. "
        "Dapat diulang.",
        "",
        "The attachments also record this case (one activity for two desa); that case names this one too. Repeatable.",
        "",
    ),
    "help.step.commit": (
        "Jalankan git add dan git commit -S untuk berkas langkah ini.",
        "",
        "Run git add and git commit -S for this step's files.",
        "",
    ),
    "help.step.no_sign": (
        "Dengan --commit: commit tanpa tanda tangan (bukan persetujuan).",
        "",
        "With --commit: commit without a signature (not an approval).",
        "",
    ),
    "help.demo": (
        "Buat DIR: repositori arsip contoh yang riwayat git bertanda tangannya adalah jejak persetujuan.",
        "",
        "Create DIR: a demo archive repository whose signed git history is the approval trail.",
        "",
    ),
    "help.demo.source": (
        "Arsip yang kasusnya diputar ulang (bawaan: records).",
        "",
        "Archive whose cases are replayed (default: records).",
        "",
    ),
    "help.pdf": (
        "Buat dokumen SOP, berkas pembinaan per kasus dan surat yang dikirim petugas, sebagai PDF/A.",
        "",
        "Render the SOP document, a dossier per case and the letters clerks send, as PDF/A.",
        "",
    ),
    "help.pdf.out": (
        "Folder dokumen publik (tanpa data pribadi). Bawaan: site/pdf.",
        "",
        "Folder for public documents (no personal data). Default: site/pdf.",
        "",
    ),
    "help.pdf.internal": (
        "Buat juga dokumen berisi data pribadi (berkas lengkap, daftar hadir) ke folder ini.",
        "",
        "Also render documents with personal data (full dossier, attendance sheet) into this folder.",
        "",
    ),
    "help.pdf.case": ("Hanya kasus ini (tanpa dokumen SOP).", "", "Only this case (and no SOP documents).", ""),
    "help.build": (
        "Tugas utama: periksa ROOT, buat PDF-nya, lalu bangun dan terbitkan situs audit.",
        "",
        "The main job: check ROOT, render its PDFs, then build and publish the audit site.",
        "",
    ),
    "help.build.out": ("Folder situs (bawaan: site).", "", "Site folder (default: site).", ""),
    "help.build.internal": (
        "Sertakan data pribadi, hanya untuk intranet kantor (folder bawaan: site-internal).",
        "",
        "Include personal data, for the office's intranet only (default folder: site-internal).",
        "",
    ),
    "help.build.no_pdf": ("Tanpa dokumen PDF.", "", "Leave out the PDF documents.", ""),
    "help.build.full": (
        "MkDocs membuat ulang setiap halaman, bukan hanya yang berubah.",
        "",
        "MkDocs renders every page, not only the changed ones.",
        "",
    ),
    "help.build.watch": (
        "Tetap berjalan: bangun ulang situs setiap kali arsip berubah (berkas disimpan, commit), sampai Ctrl+C.",
        "",
        "Keep running: build the site again whenever the archive changes (a file saved, a commit), until Ctrl+C.",
        "",
    ),
    "help.schema": (
        "Tulis JSON Schema berkas catatan, untuk editor yang memeriksa YAML saat mengetik.",
        "",
        "Write JSON Schemas of the record files, for editors that check YAML while you type.",
        "",
    ),
    "help.schema.out": (
        "Folder schema (bawaan: schema/ di samping folder arsip).",
        "",
        "Folder for the schemas (default: schema/ beside the archive folder).",
        "",
    ),
    "help.init": (
        "Mulai repositori arsip kantor baru di DIR (baru atau kosong): catatan, schema, hook, CI.",
        "",
        "Start a new office's archive repository in DIR (new or empty): records, schemas, hooks, CI.",
        "",
    ),
    "help.init.sop": (
        "Berkas SOP (.yaml) yang diikuti kantor (bawaan: SOP 61.1.D.049/I/2020).",
        "",
        "The SOP file (.yaml) the office follows (default: SOP 61.1.D.049/I/2020).",
        "",
    ),
    "help.init.instansi": (
        "Nama kantor (bawaan: --dinas dengan daerah dari --pemerintah, selain itu unit SOP).",
        "",
        "The office's name (default: --dinas with the region of --pemerintah, else the SOP's unit).",
        "",
    ),
    "help.serve": (
        "Pratinjau SITE yang sudah dibangun (bawaan: site) di http://127.0.0.1:PORT/.",
        "",
        "Preview a built SITE (default: site) at http://127.0.0.1:PORT/.",
        "",
    ),
    "help.serve.port": ("Port di 127.0.0.1 (bawaan 8000).", "", "Port on 127.0.0.1 (default 8000).", ""),
    "help.export": (
        "Ekspor CASE (id atau folder) untuk diserahkan: bag BagIt berisi catatan, berkas, dosir dan jejaknya.",
        "",
        "Export CASE (an id or a folder) for transfer: a BagIt bag with its records, files, dossier and trail.",
        "",
    ),
    "help.export.bagit": (
        "Tulis bag BagIt (RFC 8493), untuk lembaga kearsipan daerah (bawaan: satu-satunya format).",
        "",
        "Write a BagIt bag (RFC 8493), for the regional archive (the default: the only format).",
        "",
    ),
    "help.export.out": (
        "Folder bag, baru atau kosong (bawaan: CASE.bag).",
        "",
        "The bag folder, new or empty (default: CASE.bag).",
        "",
    ),
    "help.export.contact_name": ("Contact-Name di bag-info.txt.", "", "Contact-Name in bag-info.txt.", ""),
    "help.export.contact_email": ("Contact-Email di bag-info.txt.", "", "Contact-Email in bag-info.txt.", ""),
    "help.export.address": ("Organization-Address di bag-info.txt.", "", "Organization-Address in bag-info.txt.", ""),
    "help.export.force": (
        "Ekspor kasus yang belum selesai atau bergalat (dicatat di bag).",
        "",
        "Export a case that is unfinished or has errors (recorded in the bag).",
        "",
    ),
    "help.export.sign": (
        "Tandatangani bag dengan kunci SSH staf ini (berkas kunci pribadi, atau .pub-nya bila di ssh-agent).",
        "",
        "Sign the bag with this staff member's SSH key (the private key file, or its .pub when in ssh-agent).",
        "",
    ),
    "help.verify_bag.kunci": (
        "Kunci kantor yang Anda percayai (sidik SHA256:… atau berkas .pub / allowed_signers); boleh berulang.",
        "",
        "An office key you trust (a SHA256:… fingerprint or a .pub / allowed_signers file); may be repeated.",
        "",
    ),
    "help.verify_bag": (
        "Validasi BAG (kelengkapan dan keutuhan) dan periksa lagi kasusnya dengan aturan sop-kit.",
        "",
        "Validate BAG (completeness and fixity) and check its case again with sop-kit's rules.",
        "",
    ),
    # --- issue 14: corrections, withdrawn cases, staff
    "help.step.lepas": (
        "Lepaskan lampiran yang keliru (boleh berulang): dihapus dari catatan langkah dan dari folder kasus; "
        "langkah yang sudah disetujui: bersama --koreksi.",
        "",
        "Detach a wrong attachment (repeatable): taken off the step's record and out of the case folder; an "
        "approved step: with --koreksi.",
        "",
    ),
    "help.step.koreksi": (
        "Koreksi langkah yang sudah disetujui, dengan alasannya; harus disetujui ulang.",
        "",
        "Correct an approved step, with the reason; it must be approved again.",
        "",
    ),
    "help.step.setujui": (
        "Setujui (oleh pelaksana tercatat, commit bertanda tangan) koreksi terakhir, atau langkah selesai yang "
        "di-commit orang lain.",
        "",
        "Approve (by the recorded person, in a signed commit) the last correction, or a completed step someone "
        "else committed.",
        "",
    ),
    "help.step.pada": (
        "Waktu koreksi atau persetujuan ulang, 'TTTT-BB-HH JJ:MM' (bawaan: sekarang).",
        "",
        "When the correction or re-approval is made, 'YYYY-MM-DD HH:MM' (default: now).",
        "",
    ),
    "help.staf": (
        "Daftar staf dari baris perintah: tambah orang, ubah data atau jabatan, akhiri jabatan.",
        "",
        "The staff registry from the command line: add a person, change details or positions, end a position.",
        "",
    ),
    "help.staf.tambah": (
        "Tambahkan orang ID ke daftar staf dengan jabatan pertamanya (NIP diperiksa).",
        "",
        "Add person ID to the registry with their first position (the NIP is checked).",
        "",
    ),
    "help.staf.ubah": (
        "Ubah nama, NIP atau surel ID, tambah atau cabut kunci SSH, atau tambah jabatan baru.",
        "",
        "Change the name, NIP or e-mail of ID, add or revoke an SSH key, or add a new position.",
        "",
    ),
    "help.staf.cabut_kunci": (
        "Cabut kunci SSH ini (berkas .pub, atau sidik jarinya SHA256:… seperti dicetak ssh-keygen -l), mis. "
        "laptop hilang: tanda tangannya tidak berlaku lagi sejak commit perubahan ini, juga di cabang yang dibuat "
        "sebelumnya.",
        "",
        "Revoke this SSH key (the .pub file, or its SHA256:… fingerprint as ssh-keygen -l prints it), e.g. a "
        "lost laptop: its signatures count no more from the commit of this change, also on branches begun "
        "before it.",
        "",
    ),
    "help.staf.akhiri": (
        "Akhiri jabatan ID yang masih berjalan pada tanggal --sampai.",
        "",
        "End the open position of ID on the --sampai date.",
        "",
    ),
    "help.staf.nama": ("Nama lengkap dengan gelar.", "", "Full name with titles.", ""),
    "help.staf.nip": ("NIP, 18 angka (boleh berspasi).", "", "NIP, 18 digits (spaces allowed).", ""),
    "help.staf.email": ("Alamat surel dinas.", "", "Official e-mail address.", ""),
    "help.staf.jabatan": ("Jabatan sesuai SK.", "", "Position, as in the decree.", ""),
    "help.staf.jabatan_akhir": (
        "Jabatan yang diakhiri, bila lebih dari satu yang berjalan.",
        "",
        "The position that ends, when more than one is open.",
        "",
    ),
    "help.staf.peran": (
        "Peran SOP jabatan itu (pelaksana, kasi-pkk, kabid …); boleh diulang.",
        "",
        "SOP role of the position (pelaksana, kasi-pkk, kabid …); may be repeated.",
        "",
    ),
    "help.staf.mulai": ("Hari pertama menjabat, TTTT-BB-HH.", "", "First day in post, YYYY-MM-DD.", ""),
    "help.staf.sampai": ("Hari terakhir menjabat, TTTT-BB-HH.", "", "Last day in post, YYYY-MM-DD.", ""),
    "help.staf.admin_staf": (
        "Jabatan ini boleh mengubah daftar staf.",
        "",
        "The position may change the staff registry.",
        "",
    ),
    "help.staf.admin_sop": ("Jabatan ini boleh mengubah berkas SOP.", "", "The position may change the SOP files.", ""),
    "help.staf.admin_arsip": (
        "Jabatan ini boleh mengubah pengaturan arsip (sop-kit.yaml, mkdocs.yml, templates/).",
        "",
        "The position may change the archive's settings (sop-kit.yaml, mkdocs.yml, templates/).",
        "",
    ),
    "help.staf.kunci": (
        "Berkas kunci publik SSH (.pub) untuk menandatangani commit.",
        "",
        "SSH public key file (.pub) used to sign commits.",
        "",
    ),
    "help.staf.kunci_ssh": (
        "Ambil kunci publik dari ~/.ssh (id_ed25519.pub, id_ecdsa.pub atau id_rsa.pub).",
        "",
        "Take the public key from ~/.ssh (id_ed25519.pub, id_ecdsa.pub or id_rsa.pub).",
        "",
    ),
    "help.staf.fiktif": ("Orang rekaan (data contoh).", "", "A made-up person (sample data).", ""),
    "help.hentikan": (
        "Catat kasus CASE dibatalkan (batal) atau ditutup sebelum selesai (ditutup), dengan alasannya; kasus tetap "
        "di arsip.",
        "",
        "Record case CASE as withdrawn (batal) or closed before its end (ditutup), with the reason; the case stays in "
        "the archive.",
        "",
    ),
    "help.hentikan.alasan": (
        "Alasan (PUBLIK: tanpa nama atau NIK keluarga).",
        "",
        "The reason (PUBLIC: no names or NIK of families).",
        "",
    ),
    "help.hentikan.oleh": ("Id staf yang memutuskan.", "", "Staff id of who decided it.", ""),
    "help.hentikan.tanggal": (
        "Tanggal penghentian, TTTT-BB-HH (bawaan: hari ini).",
        "",
        "Date it was stopped, YYYY-MM-DD (default: today).",
        "",
    ),
}
