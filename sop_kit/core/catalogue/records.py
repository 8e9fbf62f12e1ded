"""Messages of reading records (YAML, schemas, configuration, staff, cases, steps, documents)."""

# A file renamed changes the record that names it: once the step is approved, that is a correction.
_RENAMED_ID = " (langkah yang sudah disetujui: sebagai koreksi, sop-kit step KASUS N --koreksi, lalu disetujui ulang)"
_RENAMED_EN = " (a step already approved: as a correction, sop-kit step CASE N --koreksi, then approved again)"

ENTRIES: dict[str, tuple[str, str, str, str]] = {
    # --- issue 14: rounds, corrections, withdrawn cases, merge conflicts
    "step.no_reason": (
        "keputusan 'tidak' di langkah {no} tanpa alasan",
        "tulis alasannya di 'alasan' (mis. data apa yang belum valid): sop-kit step KASUS {no} --alasan \"…\"",
        "the 'tidak' decision in step {no} has no reason",
        "give the reason in 'alasan' (e.g. which data is not valid yet): sop-kit step CASE {no} --alasan \"…\"",
    ),
    "case.stop_no_reason": (
        "kasus berstatus '{status}' tanpa alasan",
        "tulis alasannya di 'dihentikan.alasan' (PUBLIK: tanpa nama atau NIK keluarga)",
        "the case is '{status}' without a reason",
        "give the reason in 'dihentikan.alasan' (PUBLIC: no names or NIK of families)",
    ),
    "case.stop_wrong_role": (
        "kasus '{status}' oleh {who}, yang pada {date} tidak memegang peran yang memutuskan dalam SOP",
        "menghentikan kasus adalah keputusan {required}: catat penghentian atas nama pemegang peran itu "
        "(dihentikan.oleh) dan commit dengan tanda tangannya",
        "the case was set '{status}' by {who}, who on {date} did not hold the SOP's deciding role",
        "stopping a case is a decision of the {required}: record the stop in that role holder's name "
        "(dihentikan.oleh) and commit it with their signature",
    ),
    "case.step_after_stop": (
        "langkah {no} dimulai {date}, setelah kasus berstatus '{status}' pada {stopped}",
        "langkah tidak dikerjakan lagi setelah kasus dibatalkan atau ditutup; periksa tanggalnya",
        "step {no} started on {date}, after the case became '{status}' on {stopped}",
        "no step is done after a case is withdrawn or closed; check the date",
    ),
    "file.wrong_ending": (
        "'{path}' berisi {found}, tetapi namanya berakhiran .{ending}",
        "nama dan isi berkas harus cocok: beri akhiran yang sesuai isinya (dan perbarui 'berkas'), atau lampirkan "
        "berkas yang benar",
        "'{path}' holds {found}, but its name ends in .{ending}",
        "a file's name and content must agree: give it the ending of its content (and update 'berkas'), or attach the "
        "right file",
    ),
    "schema.working_hours": (
        "jam kerja '{value}' tidak dapat dibaca",
        'tulis sebagai "JJ:MM-JJ:MM", jam tutup setelah jam buka, mis. "07:30-12:00"',
        "working hours '{value}' cannot be read",
        'write them as "HH:MM-HH:MM", closing after opening, e.g. "07:30-12:00"',
    ),
    "schema.working_week": (
        "jam_kerja tidak memberi jam kerja pada hari apa pun",
        'beri jam kerja paling sedikit satu hari, mis. senin: ["07:30-12:00", "13:00-16:00"], atau hapus jam_kerja '
        "untuk memakai jam kerja ASN (Keppres 68/1995)",
        "jam_kerja gives no working hours on any day",
        'give working hours on at least one day, e.g. senin: ["07:30-12:00", "13:00-16:00"], or remove jam_kerja to '
        "use the civil service's hours (Keppres 68/1995)",
    ),
    "worktime.minutes": ("{minutes} menit", "", "{minutes} minutes", ""),
    "worktime.both": (
        "{working} menit kerja, {calendar} kalender",
        "",
        "{working} working minutes, {calendar} by the calendar",
        "",
    ),
    "worktime.days": ("{n} hari", "", "{n} d", ""),
    "worktime.hours": ("{n} jam", "", "{n} h", ""),
    "worktime.mins": ("{n} menit", "", "{n} min", ""),
    "worktime.day_senin": ("Senin", "", "Monday", ""),
    "worktime.day_selasa": ("Selasa", "", "Tuesday", ""),
    "worktime.day_rabu": ("Rabu", "", "Wednesday", ""),
    "worktime.day_kamis": ("Kamis", "", "Thursday", ""),
    "worktime.day_jumat": ("Jumat", "", "Friday", ""),
    "worktime.day_sabtu": ("Sabtu", "", "Saturday", ""),
    "worktime.day_minggu": ("Minggu", "", "Sunday", ""),
    "worktime.holidays_off": (
        "hari libur nasional dan cuti bersama tidak dihitung",
        "",
        "national holidays and cuti bersama are not counted",
        "",
    ),
    "worktime.holidays_on": (
        "hari libur nasional dihitung sebagai hari kerja (jam_kerja: libur_nasional: false)",
        "",
        "national holidays count as working days (jam_kerja: libur_nasional: false)",
        "",
    ),
    "worktime.office_days_off": ("{n} hari libur kantor tidak dihitung", "", "{n} office day(s) off not counted", ""),
    "privacy.public_field": (
        "'{field}' memuat {kind}: data pribadi di teks yang dipublikasikan",
        "hapus dari kolom ini (nilainya tidak dikutip di sini); data keluarga hanya di 'sasaran' kasus.yaml, yang "
        "tidak pernah dipublikasikan. Bila yang disebut orang lain yang kebetulan senama (petugas, pejabat), "
        "tulis jabatannya, bukan namanya",
        "'{field}' holds {kind}: personal data in text that is published",
        "remove it from this field (the value is not quoted here); families' data belongs only in 'sasaran' of "
        "kasus.yaml, which is never published. If it is someone else who shares the name (an officer, an "
        "official), write their position, not their name",
    ),
    "privacy.file_name": (
        "'{field}', nama berkas, memuat {kind}: nama berkas terbit di situs",
        "ganti nama berkasnya (git mv LAMA BARU; misalnya menurut jenisnya, seperti 01-dokumen-data.pdf) lalu tulis "
        "nama barunya di kolom ini; sidiknya tetap sama. sop-kit step --lampir memberi nama menurut jenisnya bila "
        "nama berkas asalnya memuat data keluarga",
        "'{field}', a file name, holds {kind}: file names are published on the site",
        "rename the file (git mv OLD NEW; for instance after its kind, as in 01-dokumen-data.pdf) and write the new "
        "name in this field; its fingerprint stays the same. sop-kit step --lampir names a file after its kind when "
        "the file's own name holds a family's data",
    ),
    "doc.private_elsewhere": (
        "langkah {no}: '{path}' adalah berkas yang sama dengan lampiran yang dicatat pribadi di kasus {others}; "
        "di sini tidak pribadi, jadi situs publik tidak menerbitkannya",
        "bila isinya memang data keluarga, tandai pribadi: true di baris ini juga; bila tidak, periksa tanda "
        "pribadi di kasus itu",
        "step {no}: '{path}' is the same file as an attachment recorded as private in case {others}; here it "
        "is not, so the public site does not publish it",
        "if it does hold a family's data, mark it pribadi: true at this line too; if not, check the private mark "
        "in that case",
    ),
    "privacy.file_content": (
        "isi berkas '{path}' memuat {kind}: lampiran yang tidak pribadi terbit apa adanya di situs publik",
        "bila berkas ini memang berisi data keluarga, tandai pribadi: true di baris ini (hanya di arsip dan situs "
        "internal); bila tidak seharusnya, lampirkan salinan tanpa data itu (catatan, isian formulir dan versi "
        "lama di dalam PDF ikut dibaca)",
        "the content of '{path}' holds {kind}: an attachment that is not private is published as it is on the "
        "public site",
        "if the file does hold a family's data, mark it pribadi: true at this line (archive and internal site "
        "only); if not, attach a copy without that data (notes, form fields and earlier versions inside the PDF "
        "are read too)",
    ),
    "privacy.kind.nik": ("nomor berbentuk NIK/KK", "", "a number shaped like a NIK/KK", ""),
    "privacy.kind.telepon": ("nomor telepon", "", "a phone number", ""),
    "privacy.kind.nilai": (
        "nilai yang tercatat sebagai data pribadi kasus ini (nama, nomor atau alamat keluarga)",
        "",
        "a value this case records as personal (a family's name, number or address)",
        "",
    ),
    "privacy.kind.sebutan": (
        "nama anggota keluarga sasaran dengan sapaan (seperti 'Bu …' atau 'keluarga …' dengan sebagian namanya)",
        "",
        "a target family member's name with a form of address (such as 'Bu …' or 'keluarga …' with part of the name)",
        "",
    ),
    "privacy.kind.rt_rw": (
        "RT/RW alamat keluarga sasaran",
        "",
        "the RT/RW of a target family's address",
        "",
    ),
    "photo.outside_step": (
        "foto {path} diambil {taken}, di luar waktu langkah {no} ({start} s.d. {end})",
        "periksa apakah fotonya benar untuk langkah ini, atau apakah jam kamera salah; toleransi 2 jam",
        "photo {path} was taken {taken}, outside the time of step {no} ({start} to {end})",
        "check that it is the right photo for this step, or whether the camera's clock is wrong; 2 hours' tolerance",
    ),
    "photo.far_apart": (
        "foto {a} dan {b} dari langkah {no} diambil {km} km berjauhan (lebih dari {limit} km)",
        "satu pembinaan biasanya di satu tempat; periksa apakah semua foto dari kegiatan ini",
        "photos {a} and {b} of step {no} were taken {km} km apart (more than {limit} km)",
        "one coaching is usually in one place; check that every photo is of this activity",
    ),
    "yaml.conflict": (
        "konflik penggabungan git di baris {row}",
        "berkas masih memuat penanda konflik (<<<<<<<, =======, >>>>>>>); pilih isi yang benar, hapus penandanya, "
        "lalu `git add` berkas ini",
        "git merge conflict at line {row}",
        "the file still holds conflict markers (<<<<<<<, =======, >>>>>>>); keep the right content, delete the "
        "markers, then `git add` the file",
    ),
    "governed.not_in_force": (
        "versi berkas ini di folder kerja tidak berlaku: yang menilai kasus adalah versi sah dari commit {commit}",
        "commit perubahan dengan tanda tangan pemegang wewenangnya (admin_sop, admin_staf atau admin_arsip), atau "
        "kembalikan berkas (git checkout -- BERKAS)",
        "this file's version in the working tree is not in force: cases are judged by the authorised version from "
        "commit {commit}",
        "commit the change signed by someone who may authorise it (admin_sop, admin_staf or admin_arsip), or restore "
        "the file (git checkout -- FILE)",
    ),
    "config.pin_mismatch": (
        "{key} di berkas ini berbeda dengan yang dipatok di luar repositori ({pin}); patokan yang berlaku",
        "samakan nilai di berkas dengan patokan CI, lewat commit bertanda tangan admin_arsip",
        "{key} in this file differs from the value pinned outside the repository ({pin}); the pin holds",
        "make the file agree with the CI pin, in a commit signed by an admin_arsip",
    ),
    # --- YAML loading
    "yaml.too_large": (
        "berkas terlalu besar ({size} byte, batas {limit})",
        "pecah isinya atau pindahkan lampiran ke folder lampiran/",
        "file too large ({size} bytes, limit {limit})",
        "split it, or move attachments to lampiran/",
    ),
    "yaml.not_utf8": (
        "berkas bukan teks UTF-8",
        "simpan ulang berkas sebagai UTF-8 di editor (Notepad: File › Simpan Sebagai, Pengodean: UTF-8; "
        "Notepad lama menyimpan 'ANSI')",
        "file is not UTF-8 text",
        "save the file again as UTF-8 (Notepad: File › Save As, Encoding: UTF-8; older Notepad saves 'ANSI')",
    ),
    "yaml.bad_char": (
        "karakter tersembunyi {char} tidak diizinkan",
        "hapus karakter kendali (NUL/bidi) dari baris ini",
        "hidden character {char} is not allowed",
        "remove the control (NUL/bidi) character from this line",
    ),
    "yaml.bad_escape": (
        "escape di baris ini menghasilkan karakter kendali {char}, yang tidak diizinkan",
        "hapus escape kendali (mis. \\e, \\r, \\x1b, \\u202e) dari teks bertanda kutip; baris baru ditulis di blok |",
        "an escape on this line makes the control character {char}, which is not allowed",
        "remove the control escape (e.g. \\e, \\r, \\x1b, \\u202e) from the quoted text; put line breaks in a | block",
    ),
    "yaml.anchor": (
        "anchor (&) dan alias (*) YAML tidak diizinkan",
        "tulis nilainya secara lengkap di setiap tempat",
        "YAML anchors (&) and aliases (*) are not allowed",
        "write the value out in full each time",
    ),
    "yaml.tag": (
        "tag YAML eksplisit {tag} tidak diizinkan",
        "hapus tag (!!…); gunakan tanda kutip untuk teks",
        "explicit YAML tag {tag} is not allowed",
        "remove the tag (!!…); quote text instead",
    ),
    "yaml.multi_doc": (
        "berkas berisi lebih dari satu dokumen YAML",
        "hapus pemisah '---' kedua; satu berkas satu catatan",
        "file holds more than one YAML document",
        "remove the second '---'; one record per file",
    ),
    "yaml.duplicate_key": (
        "kunci '{key}' ditulis dua kali: di baris {first} dan di baris ini",
        "hapus salah satu; nilai kedua akan menimpa yang pertama",
        "key '{key}' appears twice: on line {first} and on this line",
        "remove one of them",
    ),
    "yaml.complex_key": (
        "kunci harus berupa teks sederhana",
        "tulis kunci sebagai 'nama: nilai'",
        "keys must be plain text",
        "write keys as 'name: value'",
    ),
    "yaml.too_deep": (
        "struktur terlalu dalam (lebih dari {limit} tingkat)",
        "sederhanakan susunan berkas",
        "structure nested too deeply (more than {limit} levels)",
        "flatten the file",
    ),
    "yaml.syntax": (
        "YAML tidak dapat dibaca: {problem}",
        "periksa indentasi (spasi, bukan tab) dan tanda titik dua",
        "YAML cannot be read: {problem}",
        "check indentation (spaces, not tabs) and colons",
    ),
    "io.unreadable": (
        "berkas tidak dapat dibaca: {reason}",
        "periksa izin berkas",
        "file cannot be read: {reason}",
        "check the file's permissions",
    ),
    # --- schema
    "schema.missing": (
        "kolom '{field}' wajib diisi",
        "tambahkan '{field}:' dengan nilainya",
        "field '{field}' is required",
        "add '{field}:' with its value",
    ),
    "schema.unknown_key": (
        "kolom '{key}' tidak dikenal",
        "kolom yang sah: {allowed}",
        "unknown field '{key}'",
        "valid fields: {allowed}",
    ),
    "schema.unknown_key_suggest": (
        "kolom '{key}' tidak dikenal",
        "mungkin maksudnya '{suggestion}'?",
        "unknown field '{key}'",
        "did you mean '{suggestion}'?",
    ),
    "schema.expected_text": (
        "'{field}' harus berupa teks (tertulis: {value})",
        "tulis nilainya sebagai teks",
        "'{field}' must be text (found: {value})",
        "write the value as text",
    ),
    "schema.expected_text_quote": (
        "'{field}' harus berupa teks, bukan angka (tertulis: {value})",
        'apit dengan tanda kutip, misalnya "{value}"',
        "'{field}' must be text, not a number (found: {value})",
        'quote it, e.g. "{value}"',
    ),
    "schema.expected_int": (
        "'{field}' harus berupa bilangan bulat (tertulis: {value})",
        "tulis angka tanpa tanda kutip",
        "'{field}' must be a whole number (found: {value})",
        "write the number without quotes",
    ),
    "schema.leading_zero": (
        "'{field}' diawali nol atau dikutip ({value}), tidak dibaca sebagai bilangan",
        "tulis bilangan tanpa nol di depan dan tanpa tanda kutip",
        "'{field}' has a leading zero or quotes ({value}) and is not read as a number",
        "write the number without leading zeros or quotes",
    ),
    "schema.expected_number": (
        "'{field}' harus berupa angka (tertulis: {value})",
        "tulis angka, misalnya 1.5",
        "'{field}' must be a number (found: {value})",
        "write a number, e.g. 1.5",
    ),
    "schema.expected_bool": (
        "'{field}' harus true atau false (tertulis: {value})",
        "tulis true atau false; 'yes', 'no', 'ya' tidak diterima",
        "'{field}' must be true or false (found: {value})",
        "write true or false; yes/no are not accepted",
    ),
    "schema.expected_list": (
        "'{field}' harus berupa daftar",
        "tulis setiap butir pada baris baru diawali '- '",
        "'{field}' must be a list",
        "put each item on its own line starting with '- '",
    ),
    "schema.expected_mapping": (
        "'{field}' harus berupa kumpulan kolom 'nama: nilai'",
        "periksa indentasi",
        "'{field}' must be a mapping of 'name: value' fields",
        "check the indentation",
    ),
    "schema.choice": (
        "nilai '{value}' tidak sah untuk '{field}'",
        "pilih salah satu: {expected}",
        "'{value}' is not valid for '{field}'",
        "choose one of: {expected}",
    ),
    "schema.pattern": (
        "format '{field}' salah: {value}",
        "lihat contoh di panduan format (docs/format-kasus.md)",
        "'{field}' has the wrong format: {value}",
        "see the examples in docs/format-kasus.md",
    ),
    "schema.minimum": (
        "'{field}' minimal {ge} (tertulis: {value})",
        "perbaiki nilainya",
        "'{field}' must be at least {ge} (found: {value})",
        "correct the value",
    ),
    "schema.too_short": (
        "'{field}' harus berisi minimal {min_length} butir",
        "tambahkan butir yang kurang",
        "'{field}' needs at least {min_length} item(s)",
        "add the missing items",
    ),
    "schema.empty": (
        "'{field}' tidak boleh kosong",
        "isi nilainya atau hapus kolomnya bila tidak wajib",
        "'{field}' must not be empty",
        "fill it in, or remove the field if optional",
    ),
    "schema.too_long": (
        "'{field}' terlalu panjang (maksimal {max_length} karakter)",
        "persingkat teksnya",
        "'{field}' is too long (at most {max_length} characters)",
        "shorten the text",
    ),
    "schema.other": (
        "nilai '{field}' tidak sah: {detail}",
        "perbaiki nilainya",
        "invalid value for '{field}': {detail}",
        "correct the value",
    ),
    "schema.date_format": (
        "'{field}' harus tanggal TTTT-BB-HH (tertulis: {value})",
        "contoh: 2026-03-04",
        "'{field}' must be a date YYYY-MM-DD (found: {value})",
        "for example 2026-03-04",
    ),
    "schema.date_invalid": (
        "'{field}': tanggal {value} tidak ada di kalender",
        "periksa tanggal dan bulannya",
        "'{field}': {value} is not a real date",
        "check the day and month",
    ),
    "schema.datetime_format": (
        "'{field}' harus tanggal dan jam TTTT-BB-HH JJ:MM (tertulis: {value})",
        "contoh: 2026-03-04 09:30",
        "'{field}' must be date and time YYYY-MM-DD HH:MM (found: {value})",
        "for example 2026-03-04 09:30",
    ),
    "schema.year_month_format": (
        "'{field}' harus bulan TTTT-BB (tertulis: {value})",
        "contoh: 2020-01",
        "'{field}' must be a month YYYY-MM (found: {value})",
        "for example 2020-01",
    ),
    "schema.nip_format": (
        "NIP harus 18 angka (tertulis: {value})",
        "salin NIP dari SK; spasi boleh, huruf tidak",
        "NIP must be 18 digits (found: {value})",
        "copy the NIP from the decree; spaces are fine",
    ),
    "schema.nip_birth": (
        "NIP {value}: tanggal lahir {part} tidak sah",
        "8 angka pertama NIP adalah tanggal lahir TTTTBBHH",
        "NIP {value}: birth date {part} is not valid",
        "the first 8 digits are the birth date YYYYMMDD",
    ),
    "schema.nip_appointment": (
        "NIP {value}: TMT pengangkatan {part} tidak sah",
        "angka ke-9 s.d. 14 adalah tahun dan bulan pengangkatan",
        "NIP {value}: appointment month {part} is not valid",
        "digits 9-14 are the appointment year and month",
    ),
    "schema.nip_gender": (
        "NIP {value}: kode jenis kelamin {part} tidak sah",
        "angka ke-15 harus 1 (pria) atau 2 (wanita)",
        "NIP {value}: gender digit {part} is not valid",
        "digit 15 must be 1 (male) or 2 (female)",
    ),
    "schema.nip_serial": (
        "NIP {value}: nomor urut 000 tidak sah",
        "3 angka terakhir adalah nomor urut, mulai 001",
        "NIP {value}: serial 000 is not valid",
        "the last 3 digits are a serial from 001",
    ),
    "schema.tenure_order": (
        "masa tugas berakhir sebelum dimulai ({value})",
        "periksa 'mulai' dan 'sampai'",
        "tenure ends before it starts ({value})",
        "check 'mulai' and 'sampai'",
    ),
    "schema.period_order": (
        "periode berakhir sebelum dimulai ({value})",
        "periksa 'mulai' dan 'sampai'",
        "period ends before it starts ({value})",
        "check 'mulai' and 'sampai'",
    ),
    "schema.time_order": (
        "waktu selesai sebelum waktu mulai ({value})",
        "periksa 'mulai' dan 'selesai'",
        "end time before start time ({value})",
        "check 'mulai' and 'selesai'",
    ),
    "schema.approved_undone": (
        "disetujui sebelum langkahnya selesai ({value})",
        "'disetujui' hanya untuk langkah berstatus selesai, tidak sebelum waktu 'selesai'",
        "approved before the step was done ({value})",
        "'disetujui' is only for a step whose status is selesai, not before its 'selesai' time",
    ),
    "schema.sop_step_numbers": (
        "nomor langkah SOP harus berurutan 1, 2, 3, … (tertulis: {value})",
        "urutkan kembali langkah",
        "SOP steps must be numbered 1, 2, 3, … (found: {value})",
        "renumber the steps",
    ),
    "schema.sop_unknown_role": (
        "langkah {step} menyebut peran '{value}' yang tidak ada di 'peran'",
        "tambahkan peran itu atau perbaiki ejaannya",
        "step {step} names role '{value}' that is not in 'peran'",
        "add the role or fix its spelling",
    ),
    "schema.sop_unknown_kind": (
        "langkah {step} menyebut jenis dokumen '{value}' yang tidak ada di 'jenis_dokumen'",
        "tambahkan jenis dokumen itu atau perbaiki ejaannya",
        "step {step} names document kind '{value}' that is not in 'jenis_dokumen'",
        "add the kind or fix its spelling",
    ),
    "schema.sop_unknown_step": (
        "langkah {step} merujuk ke langkah {value} yang tidak ada",
        "perbaiki nomor langkah tujuan",
        "step {step} refers to step {value}, which does not exist",
        "fix the target step number",
    ),
    # --- archive configuration
    "config.no_root": (
        "folder arsip tidak ditemukan (dicari: {where})",
        "jalankan dari folder repositori arsip, atau sebutkan folder arsipnya: {how}",
        "archive folder not found (looked for: {where})",
        "run from the archive's repository, or name its archive folder: {how}",
    ),
    "config.no_sop_dir": (
        "folder {path} tidak ada; ini bukan arsip sop-kit",
        "arsip memerlukan sop/, staf.yaml dan kasus/",
        "folder {path} is missing; this is not a sop-kit archive",
        "an archive needs sop/, staf.yaml and kasus/",
    ),
    "config.bad_rev": (
        "revisi git '{rev}' tidak dikenal",
        "gunakan nama cabang, tag, atau hash commit yang ada",
        "unknown git revision '{rev}'",
        "use an existing branch, tag or commit hash",
    ),
    "config.not_git": (
        "--changed-since memerlukan repositori git",
        "jalankan di dalam repositori, atau tanpa --changed-since",
        "--changed-since needs a git repository",
        "run inside the repository, or without --changed-since",
    ),
    "config.demo_not_empty": (
        "folder ini sudah ada dan tidak kosong; demo hanya dibuat di folder baru atau kosong",
        "sebutkan folder baru, misalnya: sop-kit demo demo-arsip-2",
        "this folder already exists and is not empty; the demo is made only in a new or empty folder",
        "name a new folder, for example: sop-kit demo demo-arsip-2",
    ),
    "config.demo_changed": (
        "folder ini berisi demo yang sudah dipakai bekerja ({what}); tidak ditimpa",
        "demo baru dibuat di folder lain (sop-kit demo demo-arsip-2); hapus folder ini sendiri bila isinya memang "
        "tidak diperlukan lagi",
        "this folder holds a demo someone has worked in ({what}); it was not replaced",
        "make the new demo in another folder (sop-kit demo demo-arsip-2); delete this one yourself if what it "
        "holds is really no longer needed",
    ),
    "config.demo_inside_source": (
        "folder demo tidak boleh berada di dalam arsip sumbernya",
        "buat demo di luar folder arsip, misalnya: sop-kit demo demo-arsip",
        "the demo folder cannot be inside its source archive",
        "make the demo outside the archive folder, for example: sop-kit demo demo-arsip",
    ),
    "config.demo_tool_missing": (
        "{tool} tidak ditemukan atau gagal; demo memerlukan git dan ssh-keygen (OpenSSH)",
        "pasang git dan klien OpenSSH, lalu ulangi",
        "{tool} is missing or failed; the demo needs git and ssh-keygen (OpenSSH)",
        "install git and the OpenSSH client, then try again",
    ),
    "config.demo_bad_case": (
        "berkas ini tidak dapat diputar ulang untuk demo (tidak terbaca, atau orangnya tidak ada di staf.yaml)",
        "jalankan sop-kit check pada arsip sumber dan perbaiki galatnya",
        "this file cannot be replayed for the demo (unreadable, or its person is not in staf.yaml)",
        "run sop-kit check on the source archive and fix its errors",
    ),
    "config.demo_no_admin": (
        "staf.yaml tidak memuat admin staf (admin_staf: true) untuk commit pertama demo",
        "tandai Kepala Dinas atau Kasubag Umum dengan admin_staf: true",
        "staf.yaml names no staff administrator (admin_staf: true) for the demo's first commit",
        "mark the Kepala Dinas or the Kasubag Umum with admin_staf: true",
    ),
    "config.demo_few_cases": (
        "demo memerlukan sedikitnya 3 kasus yang semua langkahnya selesai dalam satu putaran (ada {found})",
        "pakai arsip contoh bawaan: sop-kit demo DIR --source records",
        "the demo needs at least 3 cases with every step done in one round ({found} found)",
        "use the shipped demo archive: sop-kit demo DIR --source records",
    ),
    "sop.duplicate": (
        "SOP {nomor} revisi {revisi} sudah ada di {other}",
        "satu berkas untuk setiap revisi; naikkan 'revisi'",
        "SOP {nomor} revision {revisi} already defined in {other}",
        "one file per revision; raise 'revisi'",
    ),
    "sop.none": (
        "tidak ada SOP yang sah di folder ini",
        "tambahkan berkas SOP (lihat records/sop/)",
        "no valid SOP in this folder",
        "add an SOP file (see records/sop/)",
    ),
    # --- staff
    "staff.missing": (
        "daftar staf tidak ada",
        "buat staf.yaml (lihat docs/format-kasus.md)",
        "staff registry missing",
        "create staf.yaml (see docs/format-kasus.md)",
    ),
    "staff.duplicate_id": (
        "id staf '{id}' dipakai dua kali",
        "setiap orang satu id",
        "staff id '{id}' used twice",
        "one id per person",
    ),
    "staff.duplicate_nip": (
        "NIP {nip} sudah dipakai oleh '{other}'",
        "setiap orang satu NIP; periksa salinannya",
        "NIP {nip} already belongs to '{other}'",
        "one NIP per person; check the copy",
    ),
    "staff.key_invalid": (
        "kunci_ssh milik '{id}' ini bukan kunci publik SSH yang utuh: tanda tangannya tidak dapat diverifikasi",
        "salin lagi seluruh baris dari berkas .pub-nya ('ssh-ed25519 AAAA… nama'), atau tambahkan dengan "
        "sop-kit staf ubah {id} --kunci BERKAS.pub",
        "this kunci_ssh of '{id}' is not a whole SSH public key: their signatures cannot be verified",
        "copy the whole line of their .pub file again ('ssh-ed25519 AAAA… name'), or add it with "
        "sop-kit staf ubah {id} --kunci FILE.pub",
    ),
    "staff.key_shared": (
        "kunci {fingerprint} milik '{id}' juga terdaftar untuk '{other}': tanda tangan dengan kunci itu tidak "
        "menunjuk satu orang, jadi tidak memverifikasi persetujuan siapa pun",
        "setiap orang memakai kunci sendiri; hapus kunci itu dari salah satu orang (yang bukan pemiliknya)",
        "key {fingerprint} of '{id}' is also registered for '{other}': a signature with it points to no one "
        "person, so it verifies no one's approval",
        "each person signs with a key of their own; remove the key from the person who does not own it",
    ),
    "staff.unknown_role": (
        "peran '{role}' tidak dikenal oleh SOP mana pun",
        "peran yang ada: {roles}",
        "role '{role}' is not defined by any SOP",
        "known roles: {roles}",
    ),
    "staff.unknown": (
        "staf '{id}' tidak ada di staf.yaml yang berlaku",
        "mungkin maksudnya '{suggestion}'? Id staf ada di staf.yaml; orang yang baru ditulis di sana berlaku "
        "setelah admin staf meng-commit staf.yaml dengan tanda tangannya",
        "staff member '{id}' is not in the staf.yaml in force",
        "did you mean '{suggestion}'? Staff ids are in staf.yaml; a person just written there counts once a staff "
        "administrator commits staf.yaml with their signature",
    ),
    # --- cases
    "case.no_identity": (
        "folder kasus tanpa kasus.yaml",
        "buat kasus.yaml (lihat docs/format-kasus.md)",
        "case folder without kasus.yaml",
        "create kasus.yaml (see docs/format-kasus.md)",
    ),
    "case.id_folder": (
        "id kasus '{id}' berbeda dengan nama folder '{folder}'",
        "ubah id di kasus.yaml menjadi '{folder}': nama folder adalah id kasus, dan persetujuannya di riwayat git "
        "tercatat atas nama itu (mengganti nama folder membuatnya kasus lain)",
        "case id '{id}' differs from its folder name '{folder}'",
        "change the id in kasus.yaml to '{folder}': the folder name is the case id, and git history holds its "
        "approvals under it (renaming the folder makes it another case)",
    ),
    "case.year_folder": (
        "kasus tahun {year} disimpan di folder '{folder}'",
        "pindahkan ke kasus/{year}/",
        "case of {year} stored in folder '{folder}'",
        "move it to kasus/{year}/",
    ),
    "case.id_period": (
        "id '{id}' tidak diawali bulan mulai periode ({start})",
        "id diawali TTTT-BB dari periode.mulai",
        "id '{id}' does not start with the period's start month ({start})",
        "the id starts with YYYY-MM of periode.mulai",
    ),
    "case.duplicate_id": (
        "id kasus '{id}' juga dipakai oleh {other}",
        "buat id baru untuk salah satu kasus (akhiran acak 4 karakter)",
        "case id '{id}' is also used by {other}",
        "give one case a new id (random 4-character tail)",
    ),
    "case.unknown_sop": (
        "SOP {nomor} revisi {revisi} tidak ada di arsip",
        "SOP yang ada: {known}",
        "SOP {nomor} revision {revisi} is not in the archive",
        "available: {known}",
    ),
    "case.sop_not_effective": (
        "SOP {nomor} revisi {revisi} baru berlaku {effective}, kasus mulai {start}",
        "pakai revisi yang berlaku saat kasus dimulai",
        "SOP {nomor} revision {revisi} took effect {effective}, the case started {start}",
        "use the revision in force when the case started",
    ),
    "case.sop_superseded": (
        "saat kasus dimulai, SOP {nomor} sudah direvisi (revisi {newer}, berlaku {effective})",
        "kasus dinilai menurut revisi yang berlaku saat dimulai; perbarui 'sop.revisi'",
        "when the case started SOP {nomor} had been revised (revision {newer}, in force {effective})",
        "a case follows the revision in force when it started; update 'sop.revisi'",
    ),
    "case.closed_without_files": (
        "kasus selesai tetapi berkas ({files}) atau foto ({photos}) tidak ada",
        "Peringatan SOP: harus ada berkas dan dokumen/foto",
        "case closed without files ({files}) or photos ({photos})",
        "the SOP's warning: files and documents/photos are required",
    ),
    "case.not_found": (
        "kasus '{id}' tidak ditemukan",
        "tulis id kasus atau sebagiannya (nama desanya, mis. gandasoli); daftar kasus ada di kasus/<tahun>/",
        "case '{id}' not found",
        "write the case id or a part of it (its desa, e.g. gandasoli); the case folders are under kasus/<year>/",
    ),
    "case.not_found_near": (
        "kasus '{id}' tidak ditemukan; yang mirip: {near}",
        "periksa ejaannya, atau tulis bagian id yang hanya dimiliki satu kasus (nama desanya)",
        "case '{id}' not found; similar: {near}",
        "check the spelling, or write a part of the id only one case has (its desa)",
    ),
    "case.ambiguous": (
        "'{id}' ada di id beberapa kasus: {cases}",
        "tulis id kasus lengkap, atau bagian yang hanya dimiliki satu kasus (mis. dengan tahun dan bulannya)",
        "'{id}' is part of several case ids: {cases}",
        "write the whole case id, or a part only one case has (with its year and month, say)",
    ),
    # --- location
    "location.kecamatan": (
        "kecamatan '{name}' tidak ada di Kabupaten Purwakarta",
        "mungkin maksudnya: {suggestion}",
        "kecamatan '{name}' does not exist in Kabupaten Purwakarta",
        "did you mean: {suggestion}",
    ),
    "location.desa": (
        "desa/kelurahan '{name}' tidak ada di Kecamatan {kecamatan}",
        "mungkin maksudnya: {suggestion}",
        "desa/kelurahan '{name}' does not exist in Kecamatan {kecamatan}",
        "did you mean: {suggestion}",
    ),
    "location.desa_elsewhere": (
        "desa '{name}' tidak ada di Kecamatan {kecamatan}, tetapi di Kecamatan {elsewhere}",
        "perbaiki kecamatan atau desanya",
        "desa '{name}' is not in Kecamatan {kecamatan} but in {elsewhere}",
        "correct the kecamatan or the desa",
    ),
    "location.code": (
        "kode wilayah {kode} bukan kode {desa}",
        "kode Kemendagri yang benar: {expected}",
        "area code {kode} is not the code of {desa}",
        "the Kemendagri code is {expected}",
    ),
    "location.spelling": (
        "ejaan lokasi '{name}' berbeda dengan register resmi",
        "ejaan resmi: {official}",
        "location spelled '{name}' differs from the official register",
        "official spelling: {official}",
    ),
    # --- steps
    "step.unknown": (
        "langkah {no} tidak ada; SOP ini memiliki {count} langkah",
        "perbaiki nomor 'langkah'",
        "step {no} does not exist; this SOP has {count} steps",
        "correct 'langkah'",
    ),
    "step.filename": (
        "nama berkas '{name}' tidak diawali '{prefix}' untuk langkah {no}",
        "ganti nama berkas agar urut",
        "file name '{name}' does not start with '{prefix}' for step {no}",
        "rename the file so it sorts in order",
    ),
    "step.decision_not_allowed": (
        "langkah {no} bukan langkah keputusan",
        "hapus 'keputusan' dari langkah ini",
        "step {no} is not a decision step",
        "remove 'keputusan' from this step",
    ),
    "step.decision_not_done": (
        "keputusan ditulis tetapi langkah {no} belum selesai",
        "isi 'status: selesai' bila keputusan sudah diambil",
        "a decision is recorded but step {no} is not complete",
        "set 'status: selesai' once decided",
    ),
    "step.done_incomplete": (
        "langkah {no} selesai tetapi belum diisi: {fields}",
        "lengkapi: sop-kit step {id} {no} {how}",
        "step {no} is complete but lacks: {fields}",
        "fill them in: sop-kit step {id} {no} {how}",
    ),
    "step.wrong_role": (
        "langkah {no} dikerjakan {who}, yang pada {date} tidak memegang peran yang diwajibkan",
        "peran yang dipegang: {held}; yang diwajibkan: {required}",
        "step {no} was done by {who}, who on {date} did not hold a required role",
        "roles held: {held}; required: {required}",
    ),
    "step.outside_period": (
        "langkah {no} pada {date} di luar periode kasus ({start} s.d. {end})",
        "periksa tanggal atau periode kasus",
        "step {no} on {date} falls outside the case period ({start} to {end})",
        "check the date or the case period",
    ),
    "step.duplicate": (
        "langkah {no} putaran {round} sudah dicatat di {other}",
        "satu berkas untuk setiap langkah per putaran",
        "step {no} round {round} is already recorded in {other}",
        "one file per step and round",
    ),
    "step.order": (
        "langkah {no} dikerjakan sebelum langkah {pre} selesai",
        "selesaikan langkah {pre} terlebih dahulu",
        "step {no} was worked on before step {pre} was complete",
        "complete step {pre} first",
    ),
    "step.started_early": (
        "langkah {no} dimulai sebelum langkah {pre} selesai ({at})",
        "periksa jam mulai",
        "step {no} started before step {pre} ended ({at})",
        "check the start time",
    ),
    "step.needs_decision": (
        "langkah {no} memerlukan keputusan 'ya' pada langkah {decision}",
        "tunggu keputusan {roles} pada langkah {decision}",
        "step {no} needs a 'ya' decision in step {decision}",
        "wait for the decision of the {roles} in step {decision}",
    ),
    "round.unexpected": (
        "putaran {round} dimulai padahal putaran {previous} tidak diputuskan 'tidak'",
        "putaran baru hanya dibuat bila verifikasi memutuskan 'tidak'",
        "round {round} started although round {previous} was not decided 'tidak'",
        "a new round starts only after a 'tidak' decision",
    ),
    "round.step_in_old_round": (
        "langkah {no} dicatat di putaran {round}, di luar alur SOP: putaran itu tidak sampai ke langkah ini",
        "kasus kini di putaran {final}: catat langkah ini dengan `sop-kit step KASUS {no}` (menulis ke putaran yang "
        "berjalan), lalu kosongkan atau hapus berkas ini; atau ubah 'putaran: {final}' di berkas ini",
        "step {no} recorded in round {round}, off the SOP's path: that round never reached this step",
        "the case is in round {final}: record the step with `sop-kit step CASE {no}` (it writes to the round due), "
        "then empty or delete this file; or change it to 'putaran: {final}'",
    ),
    "time.over": (
        "langkah {no} memakan {minutes} menit kerja, melebihi standar {standard} menit",
        "tulis alasannya di 'alasan_waktu'",
        "step {no} took {minutes} working minutes, over the {standard}-minute standard",
        "give the reason in 'alasan_waktu'",
    ),
    "time.over_explained": (
        "langkah {no} memakan {minutes} menit kerja, melebihi standar {standard} menit (alasan dicatat)",
        "alasan keterlambatan ada di 'alasan_waktu'",
        "step {no} took {minutes} working minutes, over the {standard}-minute standard (reason recorded)",
        "the reason is in 'alasan_waktu'",
    ),
    "step.not_yaml": (
        "'{path}' di folder langkah/ tidak dibaca (bukan berkas .yaml)",
        "catatan langkah harus berakhiran .yaml; pindahkan berkas lain ke lampiran/",
        "'{path}' in langkah/ is not read (not a .yaml file)",
        "step records must end in .yaml; move other files to lampiran/",
    ),
    "doc.personal_kind": (
        "{kind} selalu data pribadi; 'pribadi: false' tidak diizinkan",
        "hapus 'pribadi: false' dari lampiran ini",
        "{kind} is always personal data; 'pribadi: false' is not allowed",
        "remove 'pribadi: false' from this attachment",
    ),
    "time.flexible_over": (
        "langkah {no} memakan {minutes} menit kerja (standar {standard} menit, waktu disesuaikan)",
        "hanya catatan: SOP menyatakan waktu langkah ini disesuaikan",
        "step {no} took {minutes} working minutes (standard {standard}, time is flexible)",
        "note only: the SOP makes this step's time flexible",
    ),
    # --- documents
    "doc.unknown_kind": (
        "jenis dokumen '{kind}' tidak ada di SOP",
        "mungkin '{suggestion}'? Jenis yang ada: {kinds}",
        "document kind '{kind}' is not in the SOP",
        "did you mean '{suggestion}'? Kinds: {kinds}",
    ),
    "doc.missing": (
        "langkah {no}: belum ada {kind} (ada {found}, wajib {count})",
        "lampirkan berkasnya dan catat di 'dokumen'",
        "step {no}: no {kind} yet ({found} present, {count} required)",
        "attach the file and list it under 'dokumen'",
    ),
    "doc.reused": (
        "langkah {no}: {kind} '{path}' adalah berkas yang sama dengan '{other}', {other_kind} langkah "
        "{other_no} (putaran {other_round}); satu berkas tidak dapat menjadi dua jenis dokumen",
        "lampirkan {kind} yang sebenarnya (sop-kit step {case_id} {no} --lampir BERKAS); bila tercatat dua kali "
        "karena salah ketik, hapus entri ini dari 'dokumen'",
        "step {no}: {kind} '{path}' is the same file as '{other}', the {other_kind} of step {other_no} (round "
        "{other_round}); one file cannot be two kinds of document",
        "attach the real {kind} (sop-kit step {case_id} {no} --lampir FILE); if it was listed twice by mistake, "
        "remove this entry from 'dokumen'",
    ),
    "case.open_twice": (
        "desa ini juga punya kasus {sop} lain yang belum selesai: {others}; satu pembinaan dicatat di satu kasus",
        "bila kasus itu dibuka dua kali (dua petugas, dua laptop), lanjutkan satu dan batalkan yang lain: sop-kit "
        'hentikan KASUS batal --alasan "dibuka dua kali"; bila memang dua pembinaan terpisah, biarkan',
        "this desa also has another case of {sop} not yet finished: {others}; one coaching is recorded in one case",
        "if the case was opened twice (two clerks, two laptops), carry on with one and withdraw the other: sop-kit "
        'hentikan CASE batal --alasan "opened twice"; if they really are two separate coachings, leave them',
    ),
    "doc.other_case": (
        "langkah {no}: '{path}' adalah berkas yang sama dengan '{other}' kasus {others} (langkah {other_no}); "
        "foto dan daftar hadir mencatat satu kegiatan di satu desa, tidak dapat menjadi bukti dua kasus",
        "salah satu kasus memakai berkas kasus lain: periksa kegiatan mana yang tercatat di dalamnya (tanggal dan "
        "tempat foto, nama desa), lalu kasus yang lain melampirkan berkas kegiatannya sendiri (sop-kit step KASUS "
        "{no} --lampir BERKAS) dan menghapus entri ini dari 'dokumen'; bila memang satu kegiatan untuk kedua desa, "
        "catat di entri berkas ini pada setiap kasus: bersama: [id kasus lain] (sop-kit step KASUS {no} --lampir "
        "BERKAS --bersama KASUS_LAIN)",
        "step {no}: '{path}' is the same file as '{other}' of case {others} (step {other_no}); a photo or an "
        "attendance list records one event in one desa and cannot be evidence of two cases",
        "one of the cases uses the other's file: check which event it records (the photo's date and place, the "
        "desa named), then the other case attaches its own (sop-kit step CASE {no} --lampir FILE) and removes "
        "this entry from 'dokumen'; if it really was one activity for both desa, record so in this file's entry "
        "in every case: bersama: [other case id] (sop-kit step CASE {no} --lampir FILE --bersama OTHER_CASE)",
    ),
    "doc.joint": (
        "langkah {no}: '{path}' juga dicatat kasus {others} (langkah {other_no}) sebagai kegiatan bersama",
        "pemeriksa: pastikan kegiatan itu memang diadakan bersama (tanggal dan tempat foto, daftar hadir yang "
        "memuat warga kedua desa)",
        "step {no}: '{path}' is also recorded by case {others} (step {other_no}) as a joint activity",
        "auditor: make sure the activity really was held jointly (the photo's date and place, an attendance list "
        "with residents of both desa)",
    ),
    "doc.joint_days": (
        "langkah {no}: '{path}' dicatat sebagai kegiatan bersama dengan kasus {others} (langkah {other_no}), "
        "tetapi langkah-langkahnya tidak berjalan pada hari yang sama",
        "satu kegiatan bersama terjadi pada hari yang sama di setiap kasus: catat --mulai dan --selesai langkah ini "
        "(sop-kit step KASUS {no} --mulai … --selesai …); bila bukan kegiatan yang sama, lampirkan berkas kegiatan "
        "kasus ini sendiri",
        "step {no}: '{path}' is recorded as a joint activity with case {others} (step {other_no}), but the steps "
        "did not run on the same day",
        "one joint activity happens on the same day in every case: record this step's --mulai and --selesai "
        "(sop-kit step CASE {no} --mulai … --selesai …); if it is not the same activity, attach this case's own file",
    ),
    "doc.shared": (
        "langkah {no}: '{path}' adalah berkas yang sama dengan '{other}' kasus {others} (langkah {other_no})",
        "satu surat dapat berlaku untuk beberapa kasus (SK yang menyebut beberapa desa); periksa bahwa isinya "
        "memang menyangkut kasus ini, bila tidak lampirkan dokumen kasus ini sendiri",
        "step {no}: '{path}' is the same file as '{other}' of case {others} (step {other_no})",
        "one letter may serve several cases (an SK naming several desa); check that it concerns this case, "
        "otherwise attach this case's own document",
    ),
    "doc.listed_twice": (
        "langkah {no}: {kind} '{path}' sudah dicatat di langkah ini (sebagai '{other}'); satu berkas dihitung "
        "satu kali",
        "hapus entri ini dari 'dokumen'; bila langkah ini perlu {kind} lain, lampirkan berkasnya (sop-kit step "
        "{case_id} {no} --lampir BERKAS)",
        "step {no}: {kind} '{path}' is already listed in this step (as '{other}'); one file counts once",
        "remove this entry from 'dokumen'; if the step needs another {kind}, attach its file (sop-kit step {case_id} "
        "{no} --lampir FILE)",
    ),
    "file.outside": (
        "berkas '{path}' menunjuk ke luar folder kasus",
        "simpan berkas di dalam folder kasus dan tulis jalur relatifnya",
        "file '{path}' points outside the case folder",
        "keep the file inside the case folder and give a relative path",
    ),
    "file.symlink": (
        "'{path}' adalah tautan simbolik",
        "salin berkas aslinya ke folder kasus",
        "'{path}' is a symbolic link",
        "copy the real file into the case folder",
    ),
    "file.missing": (
        "berkas '{path}' tidak ditemukan",
        "periksa nama berkas atau salin berkasnya ke folder kasus",
        "file '{path}' not found",
        "check the name, or copy the file into the case folder",
    ),
    "file.not_regular": (
        "'{path}' bukan berkas biasa",
        "lampirkan berkas, bukan folder",
        "'{path}' is not a regular file",
        "attach a file, not a folder",
    ),
    "file.empty": (
        "berkas '{path}' kosong",
        "pindai ulang dokumennya",
        "file '{path}' is empty",
        "scan the document again",
    ),
    "file.unknown_type": (
        "isi berkas '{path}' tidak dikenali sebagai format apa pun; yang diterima: {expected}",
        "lampirkan hasil pindaian atau foto itu sendiri; berkas rusak atau terpotong saat disalin: salin ulang",
        "the content of '{path}' is not recognised as any format; accepted: {expected}",
        "attach the scan or photo itself; a file damaged or cut short when copied: copy it again",
    ),
    "file.wrong_type": (
        "isi berkas '{path}' adalah {found}, bukan {expected}",
        "lampirkan berkas dengan jenis yang benar",
        "file '{path}' contains {found}, not {expected}",
        "attach a file of the right type",
    ),
    "file.no_hash": (
        "sidik sha256 berkas '{path}' belum dicatat",
        'tambahkan: sha256: "{sha}"',
        "sha256 of '{path}' is not recorded",
        'add: sha256: "{sha}"',
    ),
    "file.lfs_pointer": (
        "'{path}' hanya penunjuk Git LFS: isi berkasnya tidak ada di salinan ini",
        "pasang Git LFS lalu unduh isinya: git lfs install, lalu git lfs pull (di CI: checkout dengan LFS, "
        "mis. actions/checkout dengan lfs: true)",
        "'{path}' is only a Git LFS pointer: the file's content is not in this copy",
        "install Git LFS and fetch the content: git lfs install, then git lfs pull (in CI: check out with LFS, "
        "e.g. actions/checkout with lfs: true)",
    ),
    "file.hash_mismatch": (
        "isi berkas '{path}' berubah sejak dicatat (sha256 berbeda)",
        "bila perubahan disengaja, catat sha256 yang baru; bila tidak, pulihkan berkas aslinya",
        "file '{path}' changed since it was recorded (sha256 differs)",
        "if intended, record the new sha256; otherwise restore the original",
    ),
    "file.unreferenced": (
        "berkas '{path}' tidak disebut di catatan mana pun",
        "catat di 'dokumen' langkah terkait, atau hapus",
        "file '{path}' is not named by any record",
        "list it under a step's 'dokumen', or remove it",
    ),
    # --- hostile archive content (issue 15): names, sizes, content
    "file.name_char": (
        "nama '{path}' memuat '{char}', yang tidak boleh ada dalam nama berkas di Windows",
        'ganti nama berkas itu (tanpa < > : " | ? * dan karakter kendali) dan perbarui catatannya'
        + _RENAMED_ID
        + "; arsip harus dapat diambil (checkout) di PC kantor yang memakai Windows",
        "the name '{path}' contains '{char}', which Windows does not allow in a file name",
        'rename it (no < > : " | ? * or control characters) and update its record'
        + _RENAMED_EN
        + "; the archive must check out on the office's Windows PCs",
    ),
    "file.name_encoding": (
        "nama '{path}' memuat byte yang bukan teks UTF-8 atau karakter kendali (ditulis \\xNN); berkas itu "
        "tidak dibaca, tidak diperiksa dan tidak diterbitkan",
        "ganti namanya dengan nama biasa (di terminal: mv, dengan tab untuk melengkapi nama) dan perbarui "
        "catatannya; nama seperti ini juga tidak dapat diambil (checkout) di PC kantor yang memakai Windows",
        "the name '{path}' holds bytes that are not UTF-8 text, or control characters (written \\xNN); the file "
        "is not read, checked or published",
        "rename it to a plain name (in a terminal: mv, with tab to complete the name) and update its record; "
        "such a name does not check out on the office's Windows PCs either",
    ),
    "file.name_trailing": (
        "nama '{path}' diakhiri titik atau spasi, yang dibuang Windows",
        "ganti nama berkas itu dan perbarui catatannya" + _RENAMED_ID,
        "the name '{path}' ends in a dot or a space, which Windows drops",
        "rename it and update its record" + _RENAMED_EN,
    ),
    "file.name_reserved": (
        "nama '{path}' adalah nama perangkat Windows ({name}), dengan ekstensi apa pun",
        "ganti nama berkas itu (CON, PRN, AUX, NUL, COM1–COM9, LPT1–LPT9 tidak dapat dipakai di Windows) "
        "dan perbarui catatannya" + _RENAMED_ID,
        "the name '{path}' is a Windows device name ({name}), whatever its extension",
        "rename it (CON, PRN, AUX, NUL, COM1–COM9, LPT1–LPT9 cannot be used on Windows) and update its record"
        + _RENAMED_EN,
    ),
    "file.path_long": (
        "jalur '{path}' sepanjang {length} karakter dari folder arsip, lebih dari {limit}: di PC kantor yang "
        "memakai Windows (batas 260 karakter, termasuk folder tempat arsip diambil) arsip tidak dapat di-checkout",
        "persingkat nama berkas itu dan perbarui catatannya" + _RENAMED_ID,
        "the path '{path}' is {length} characters from the archive folder on, over {limit}: on the office's Windows "
        "PCs (a limit of 260 characters, the folder the archive is cloned into included) it cannot be checked out",
        "shorten the file's name and update its record" + _RENAMED_EN,
    ),
    "file.name_clash": (
        "nama '{name}' sama dengan '{other}' bila huruf besar/kecil dan ejaan Unicode diabaikan",
        "di Windows dan macOS keduanya menjadi satu berkas, dan situs menerbitkan satu saja: ganti nama salah "
        "satunya dan perbarui catatannya" + _RENAMED_ID,
        "the name '{name}' is the same as '{other}' once case and Unicode spelling are set aside",
        "on Windows and macOS they become one file, and the site publishes one: rename one of them and update "
        "its record" + _RENAMED_EN,
    ),
    "file.too_large": (
        "berkas '{path}' berukuran {size} MB, melebihi batas {limit} MB per berkas",
        "kecilkan berkasnya (pindai ulang dengan resolusi lebih rendah, atau pecah), atau naikkan berkas_maks_mb "
        "di sop-kit.yaml (perubahan bertanda tangan pemegang admin_arsip)",
        "file '{path}' is {size} MB, over the limit of {limit} MB per file",
        "make it smaller (scan again at a lower resolution, or split it), or raise berkas_maks_mb in "
        "sop-kit.yaml (a change signed by an admin_arsip holder)",
    ),
    "file.case_too_large": (
        "berkas-berkas kasus ini berjumlah {size} MB, melebihi batas {limit} MB per kasus",
        "kecilkan atau hapus berkas yang tidak perlu, atau naikkan kasus_maks_mb di sop-kit.yaml",
        "the files of this case total {size} MB, over the limit of {limit} MB per case",
        "make files smaller or remove those not needed, or raise kasus_maks_mb in sop-kit.yaml",
    ),
    "file.too_many_pixels": (
        "gambar '{path}' berukuran {width}×{height} piksel, melebihi {limit} megapiksel; tidak dibuka",
        "perkecil gambarnya (foto biasa cukup 12 megapiksel); gambar sebesar ini dapat melumpuhkan build",
        "image '{path}' is {width}×{height} pixels, over {limit} megapixels; it was not opened",
        "scale it down (an ordinary photo needs 12 megapixels); an image this large can bring the build down",
    ),
    "file.image_unreadable": (
        "gambar '{path}' tidak memiliki kepala PNG/JPEG yang terbaca",
        "simpan ulang gambarnya sebagai JPEG atau PNG",
        "image '{path}' has no readable PNG/JPEG header",
        "save the image again as JPEG or PNG",
    ),
    "file.pdf_unreadable": (
        "PDF '{path}' tidak dapat dibaca untuk diperiksa ({error})",
        "PDF yang tidak dapat diperiksa tidak diterbitkan: cetak ulang ke PDF biasa (Print to PDF) atau pindai "
        "ulang, lalu catat sha256 barunya",
        "PDF '{path}' cannot be read to be inspected ({error})",
        "a PDF that cannot be inspected is not published: print it again to a plain PDF (Print to PDF) or scan "
        "it again, then record its new sha256",
    ),
    "file.pdf_active": (
        "PDF '{path}' memuat konten aktif ({what}); ditolak",
        "PDF dengan JavaScript, aksi peluncuran atau aksi otomatis, atau berkas sisipan tidak diterima dan tidak "
        "diterbitkan: cetak ulang ke PDF biasa (Print to PDF) atau pindai ulang, lalu catat sha256 barunya",
        "PDF '{path}' holds active content ({what}); refused",
        "a PDF with JavaScript, launch or automatic actions, or embedded files is neither accepted nor "
        "published: print it again to a plain PDF (Print to PDF) or scan it again, then record its new sha256",
    ),
    "schema.personal_value": ("(data pribadi, tidak ditampilkan)", "", "(personal data, not shown)", ""),
}
