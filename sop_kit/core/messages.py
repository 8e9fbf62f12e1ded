"""The message catalogue: every user-facing sentence, in Bahasa Indonesia and English.

Each entry is ``code: (id message, id hint, en message, en hint)``; params fill ``{name}``.
A test checks that every code used in the code base is here, in both languages.
"""

from __future__ import annotations

import os
from typing import Any

LANGS = ("id", "en")

CATALOG: dict[str, tuple[str, str, str, str]] = {
    # --- YAML loading
    "yaml.too_large": (
        "berkas terlalu besar ({size} byte, batas {limit})",
        "pecah isinya atau pindahkan lampiran ke folder lampiran/",
        "file too large ({size} bytes, limit {limit})",
        "split it, or move attachments to lampiran/",
    ),
    "yaml.not_utf8": (
        "berkas bukan teks UTF-8",
        "simpan ulang berkas sebagai UTF-8 di editor",
        "file is not UTF-8 text",
        "save the file again as UTF-8",
    ),
    "yaml.bad_char": (
        "karakter tersembunyi {char} tidak diizinkan",
        "hapus karakter kendali (NUL/bidi) dari baris ini",
        "hidden character {char} is not allowed",
        "remove the control (NUL/bidi) character from this line",
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
        "kunci '{key}' ditulis dua kali",
        "hapus salah satu; nilai kedua akan menimpa yang pertama",
        "key '{key}' appears twice",
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
        "folder arsip tidak ditemukan",
        "jalankan dari folder repositori atau sebutkan foldernya, misalnya: sop-kit check records",
        "archive folder not found",
        "run from the repository, or name the folder: sop-kit check records",
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
    "staff.unknown_role": (
        "peran '{role}' tidak dikenal oleh SOP mana pun",
        "peran yang ada: {roles}",
        "role '{role}' is not defined by any SOP",
        "known roles: {roles}",
    ),
    "staff.unknown": (
        "staf '{id}' tidak ada di staf.yaml",
        "mungkin maksudnya '{suggestion}'? Id staf ada di staf.yaml",
        "staff member '{id}' is not in staf.yaml",
        "did you mean '{suggestion}'? Staff ids are in staf.yaml",
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
        "samakan nama folder dengan id",
        "case id '{id}' differs from its folder name '{folder}'",
        "rename the folder to the id",
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
        "lihat daftar kasus di kasus/<tahun>/",
        "case '{id}' not found",
        "see the case folders under kasus/<year>/",
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
        "lengkapi kolom tersebut",
        "step {no} is complete but lacks: {fields}",
        "fill in those fields",
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
        "langkah {no} dicatat di putaran {round}, padahal kasus sudah di putaran {final}",
        "langkah setelah keputusan hanya ada di putaran terakhir",
        "step {no} recorded in round {round}, but the case is in round {final}",
        "steps after the decision belong to the final round only",
    ),
    "time.over": (
        "langkah {no} memakan {minutes} menit, melebihi standar {standard} menit",
        "tulis alasannya di 'alasan_waktu'",
        "step {no} took {minutes} minutes, over the {standard}-minute standard",
        "give the reason in 'alasan_waktu'",
    ),
    "time.over_explained": (
        "langkah {no} memakan {minutes} menit, melebihi standar {standard} menit (alasan dicatat)",
        "alasan keterlambatan ada di 'alasan_waktu'",
        "step {no} took {minutes} minutes, over the {standard}-minute standard (reason recorded)",
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
        "langkah {no} memakan {minutes} menit (standar {standard} menit, waktu disesuaikan)",
        "hanya catatan: SOP menyatakan waktu langkah ini disesuaikan",
        "step {no} took {minutes} minutes (standard {standard}, time is flexible)",
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
    # --- approval trail
    "git.failed": (
        "git gagal ({command}): {reason}",
        "periksa bahwa folder ini repositori git yang utuh",
        "git failed ({command}): {reason}",
        "check that this folder is an intact git repository",
    ),
    "trail.registry_invalid": (
        "versi staf.yaml di commit {commit} tidak sah dan tidak dipakai untuk verifikasi",
        "perbaiki staf.yaml lalu commit ulang dengan tanda tangan admin staf",
        "the staf.yaml of commit {commit} is invalid and is not used for verification",
        "fix staf.yaml and commit it again, signed by a staff administrator",
    ),
    "trail.trust_root_unpinned": (
        "staf.yaml pertama (commit {commit}) tidak disematkan; kunci di dalamnya dipercaya tanpa bukti",
        'tulis akar_kepercayaan: "{sha}" di sop-kit.yaml, atau SOP_KIT_TRUST_ROOT di CI',
        "the first staf.yaml (commit {commit}) is not pinned; its keys are trusted without proof",
        'set akar_kepercayaan: "{sha}" in sop-kit.yaml, or SOP_KIT_TRUST_ROOT in CI',
    ),
    "trail.trust_root_mismatch": (
        "tidak ada versi staf.yaml yang sama dengan akar kepercayaan yang disematkan; tidak ada yang terverifikasi",
        "sidik staf.yaml pertama (commit {commit}) adalah {sha}; periksa riwayat dan akar_kepercayaan",
        "no version of staf.yaml matches the pinned trust root; nothing is verified",
        "the first staf.yaml (commit {commit}) hashes to {sha}; check the history and akar_kepercayaan",
    ),
    "trail.registry_unauthorised": (
        "perubahan staf.yaml di commit {commit} tidak ditandatangani admin staf ({who}); perubahan tidak berlaku",
        "perubahan daftar staf harus ditandatangani Kepala Dinas atau Kasubag Umum",
        "the staf.yaml change in commit {commit} is not signed by a staff administrator ({who}); it does not count",
        "registry changes must be signed by the Kepala Dinas or the Kasubag Umum",
    ),
    "trail.approval_dropped": (
        "persetujuan di commit {commit} (kasus {case}) hilang dari riwayat",
        "riwayat telah ditulis ulang; pulihkan commit itu atau minta persetujuan ulang",
        "the approval in commit {commit} (case {case}) is gone from the history",
        "the history was rewritten; restore that commit or have the step approved again",
    ),
    "trail.wrong_role": (
        "langkah {no}: commit {commit} ditandatangani orang tanpa peran langkah ini (penulis: {author})",
        "persetujuan harus di-commit dan ditandatangani pemegang peran pada tanggal itu",
        "step {no}: commit {commit} is signed by someone without this step's role (author: {author})",
        "the approval must be committed and signed by a role holder on that date",
    ),
    "trail.unverified": (
        "langkah {no}: persetujuan di commit {commit} tidak terverifikasi ({reason})",
        "commit dengan git commit -S memakai kunci SSH yang terdaftar di staf.yaml",
        "step {no}: the approval in commit {commit} is not verified ({reason})",
        "commit with git commit -S using an SSH key listed in staf.yaml",
    ),
    "trail.changed_after_approval": (
        "langkah {no}: '{path}' diubah setelah disetujui (commit {commit} oleh {author}; disetujui di {approved})",
        "pemegang peran perlu menyetujui ulang: commit bertanda tangan yang menyimpan ulang catatan langkah",
        "step {no}: '{path}' changed after approval (commit {commit} by {author}; approved in {approved})",
        "a role holder must approve again: a signed commit that saves the step record again",
    ),
    "trail.reason.unsigned": ("tanpa tanda tangan", "", "unsigned", ""),
    "trail.reason.bad_signature": ("tanda tangan tidak sah", "", "bad signature", ""),
    "trail.reason.no_registry": ("belum ada daftar staf tepercaya", "", "no trusted staff registry", ""),
    "trail.reason.unknown_key": (
        "kunci tidak terdaftar di staf.yaml sebelum commit ini",
        "",
        "key not in staf.yaml before this commit",
        "",
    ),
    "trail.reason.no_role": (
        "penanda tangan tidak memegang peran langkah ini",
        "",
        "signer does not hold this step's role",
        "",
    ),
    "trail.reason.not_recorded_person": (
        "penanda tangan bukan pelaksana yang dicatat",
        "",
        "signer is not the recorded performer",
        "",
    ),
    "trail.header": (
        "Jejak persetujuan kasus {case} ({commits} commit)",
        "",
        "Approval trail of case {case} ({commits} commits)",
        "",
    ),
    "trail.ev.dibuat": ("kasus dibuat", "", "case created", ""),
    "trail.ev.dicatat": ("langkah {no} (putaran {round}) dicatat", "", "step {no} (round {round}) recorded", ""),
    "trail.ev.selesai": ("langkah {no} (putaran {round}) selesai", "", "step {no} (round {round}) completed", ""),
    "trail.ev.keputusan": (
        "langkah {no} (putaran {round}) diputuskan: {decision}",
        "",
        "step {no} (round {round}) decided: {decision}",
        "",
    ),
    "trail.ev.disetujui_ulang": ("langkah {no} disetujui ulang", "", "step {no} approved again", ""),
    "trail.ev.diubah": ("langkah {no} DIUBAH SETELAH DISETUJUI", "", "step {no} CHANGED AFTER APPROVAL", ""),
    "trail.ev.berkas_diubah": (
        "berkas {file} (langkah {no}) DIUBAH SETELAH DISETUJUI",
        "",
        "file {file} (step {no}) CHANGED AFTER APPROVAL",
        "",
    ),
    "trail.verified": ("terverifikasi: {signer}", "", "verified: {signer}", ""),
    "trail.not_verified": ("TIDAK TERVERIFIKASI: {reason}", "", "NOT VERIFIED: {reason}", ""),
    "trail.by": ("oleh {author}", "", "by {author}", ""),
    "trail.signed_by": ("ditandatangani {signer}", "", "signed by {signer}", ""),
    "trail.no_git": (
        "arsip ini tidak berada di repositori git; tidak ada jejak",
        "jalankan di dalam repositori git arsip",
        "this archive is not in a git repository; there is no trail",
        "run inside the archive's git repository",
    ),
    "pdf.internal_in_public": (
        "folder dokumen internal {path} berada di dalam folder publik {public}",
        "simpan dokumen berdata pribadi di luar folder yang dipublikasikan, misalnya build/internal",
        "the internal documents folder {path} is inside the public folder {public}",
        "keep documents with personal data outside the published folder, e.g. build/internal",
    ),
    "pdf.summary": (
        "{rendered} dokumen dibuat, {skipped} tidak berubah, {failed} gagal",
        "",
        "{rendered} document(s) rendered, {skipped} unchanged, {failed} failed",
        "",
    ),
    "pdf.failed": ("{path}: gagal dibuat ({error})", "", "{path}: not rendered ({error})", ""),
    "pdf.refused": ("{path}: sumber ditolak: {what}", "", "{path}: resource refused: {what}", ""),
    # --- command line
    "cli.summary": (
        "{cases} kasus diperiksa: {errors} galat, {warnings} peringatan, {infos} catatan",
        "",
        "{cases} case(s) checked: {errors} error(s), {warnings} warning(s), {infos} note(s)",
        "",
    ),
    "cli.clean": ("Semua sesuai SOP.", "", "Everything follows the SOP.", ""),
    "cli.hint": ("saran", "", "hint", ""),
    "cli.usage": ("Penggunaan", "", "Usage", ""),
    "cli.usage_needs_value": ("opsi {option} memerlukan nilai", "", "option {option} needs a value", ""),
    "cli.usage_help": ("Bantuan: '{command} --help'", "", "Help: '{command} --help'", ""),
    "cli.usage_no_such_option": (
        "opsi {option} tidak dikenal (mirip: {suggestions})",
        "",
        "no such option {option} (close: {suggestions})",
        "",
    ),
    "cli.usage_missing": ("{name} wajib diisi", "", "{name} is required", ""),
    "cli.usage_bad_value": ("nilai {name} tidak sah: {detail}", "", "invalid value for {name}: {detail}", ""),
    "cli.usage_extra": ("argumen berlebih: {detail}", "", "unexpected extra argument: {detail}", ""),
    "cli.usage_no_such_command": ("perintah {detail} tidak dikenal", "", "no such command {detail}", ""),
    "cli.usage_other": ("penggunaan salah: {detail}", "", "wrong usage: {detail}", ""),
    "cli.demo_done": (
        "Arsip demo dibuat di {path}: repositori git tersendiri, {commits} commit, {cases} kasus.",
        "",
        "Demo archive created in {path}: a git repository of its own, {commits} commits, {cases} cases.",
        "",
    ),
    "cli.demo_history": (
        "Setiap kasus diputar ulang dari catatannya: satu commit per langkah, bertanggal waktu langkah itu dan "
        "ditandatangani (SSH) oleh pelaksananya; Kasi dan Kabid menyetujui dengan kunci mereka sendiri.",
        "",
        "Each case is replayed from its records: one commit per step, dated at the step's time and SSH-signed "
        "by the person who did it; the Kasi and the Kabid approve with their own keys.",
        "",
    ),
    "cli.demo_keys": (
        "Kunci SSH {count} staf fiktif ada di {path} — khusus demo, JANGAN PERNAH dipakai untuk tanda tangan "
        "sungguhan.",
        "",
        "The SSH keys of {count} fictional staff are in {path} — demo only, NEVER use them for real signing.",
        "",
    ),
    "cli.demo_planted": ("Kejanggalan yang sengaja ditanam:", "", "Irregularities planted on purpose:", ""),
    "cli.demo_unsigned": (
        "{case} langkah {no}: disetujui tanpa tanda tangan (commit atas nama {author})",
        "",
        "{case} step {no}: approved without a signature (commit in the name of {author})",
        "",
    ),
    "cli.demo_changed_after_approval": (
        "{case} langkah {no}: {path} diganti oleh {author} setelah disetujui, tanpa persetujuan ulang",
        "",
        "{case} step {no}: {path} replaced by {author} after approval, never approved again",
        "",
    ),
    "cli.demo_forged": (
        "{case} langkah {no}: keputusan atas nama {author}, tetapi ditandatangani dengan kunci {signer}",
        "",
        "{case} step {no}: a decision in the name of {author}, but signed with the key of {signer}",
        "",
    ),
    "cli.demo_next": ("Coba berikutnya:", "", "Try next:", ""),
    "cli.demo_next_pdf": (
        "SOP dalam tata letak resmi, berkas pembinaan per kasus (dengan jejak persetujuan) dan surat-suratnya, "
        "PDF/A; data pribadi hanya di folder internal",
        "",
        "the SOP in its official layout, a dossier per case (with its approval trail) and its letters, as "
        "PDF/A; personal data only in the internal folder",
        "",
    ),
    "cli.demo_next_check": (
        "semua kasus berikut jejak persetujuannya; kode keluar 1 karena kejanggalan di atas ditemukan",
        "",
        "every case with its approval trail; exit code 1, because the irregularities above are found",
        "",
    ),
    "cli.demo_next_unsigned": (
        "langkah tanpa tanda tangan: TIDAK TERVERIFIKASI",
        "",
        "the unsigned step: NOT VERIFIED",
        "",
    ),
    "cli.demo_next_changed_after_approval": (
        "SK yang diganti: DIUBAH SETELAH DISETUJUI",
        "",
        "the replaced SK: CHANGED AFTER APPROVAL",
        "",
    ),
    "cli.demo_next_forged": (
        "keputusan palsu: ditandatangani kunci juru catat, bukan kunci Kasi",
        "",
        "the forged decision: signed with a clerk's key, not the Kasi's",
        "",
    ),
    "cli.demo_next_example": (
        "kasus biasa: setiap langkah terverifikasi, ditandatangani pemegang perannya",
        "",
        "an ordinary case: every step verified, signed by its role holder",
        "",
    ),
    "sev.error": ("galat", "", "error", ""),
    "sev.warning": ("peringatan", "", "warning", ""),
    "sev.info": ("catatan", "", "note", ""),
    # --- status
    "status.header": ("Kasus {id}: {title}", "", "Case {id}: {title}", ""),
    "status.location": (
        "Lokasi: Desa {desa}, Kecamatan {kecamatan} ({kode})",
        "",
        "Location: {desa}, Kecamatan {kecamatan} ({kode})",
        "",
    ),
    "status.sop": ("SOP: {nomor} revisi {revisi} — {nama}", "", "SOP: {nomor} revision {revisi} — {nama}", ""),
    "status.state": ("Status: {state}", "", "Status: {state}", ""),
    "status.round": (
        "Putaran {round}: keputusan langkah {no}: {decision}",
        "",
        "Round {round}: decision in step {no}: {decision}",
        "",
    ),
    "status.step_done": ("Langkah {no}: selesai — {who}, {date}", "", "Step {no}: done — {who}, {date}", ""),
    "status.step_running": ("Langkah {no}: sedang berjalan — {who}", "", "Step {no}: in progress — {who}", ""),
    "status.step_todo": ("Langkah {no}: belum dikerjakan", "", "Step {no}: not started", ""),
    "status.missing_doc": ("Langkah {no}: belum ada {kind}", "", "Step {no}: no {kind} yet", ""),
    "status.next": (
        "Berikutnya: langkah {no} — {activity} ({roles})",
        "",
        "Next: step {no} — {activity} ({roles})",
        "",
    ),
    "status.finished": ("Semua langkah selesai.", "", "All steps are complete.", ""),
    "status.problems": (
        "{errors} galat dan {warnings} peringatan; jalankan: sop-kit check",
        "",
        "{errors} error(s) and {warnings} warning(s); run: sop-kit check",
        "",
    ),
    # --- the audit site (sop-kit build / serve)
    "site.mkdocs_yml": (
        "mkdocs.yml tidak dapat dibaca: {error}",
        "perbaiki berkas itu (YAML biasa, tanpa tag !), atau hapus agar pengaturan bawaan dipakai",
        "mkdocs.yml cannot be read: {error}",
        "fix that file (plain YAML, no ! tags), or remove it to use the defaults",
    ),
    "site.locked": (
        "build lain sedang menulis situs {path}",
        "tunggu sampai build itu selesai, lalu jalankan lagi",
        "another build is writing the site {path}",
        "wait for that build to finish, then run again",
    ),
    "site.out_overlaps": (
        "folder situs {path} bertumpang tindih dengan arsip {root}",
        "pilih folder keluaran di luar folder records/, misalnya --out site",
        "the site folder {path} overlaps the archive {root}",
        "choose an output folder outside records/, e.g. --out site",
    ),
    "site.mkdocs_failed": (
        "MkDocs gagal membangun situs: {error}",
        "situs sebelumnya tetap dipakai; jalankan dengan --debug untuk rinciannya",
        "MkDocs failed to build the site: {error}",
        "the previous site stays in place; run with --debug for details",
    ),
    "site.pdf_failed": (
        "{count} dokumen PDF gagal dibuat",
        "situs sebelumnya tetap dipakai; perbaiki templat atau catatannya (lihat sop-kit pdf), "
        "atau bangun dengan --no-pdf",
        "{count} PDF document(s) failed to render",
        "the previous site stays in place; fix the template or record (see sop-kit pdf), or build with --no-pdf",
    ),
    "site.search_failed": (
        "indeks pencarian (Pagefind) tidak dapat dibuat: {error}",
        "situs sebelumnya tetap dipakai; pasang ulang sop-kit (pip install -e .) agar pagefind tersedia",
        "the search index (Pagefind) could not be built: {error}",
        "the previous site stays in place; reinstall sop-kit (pip install -e .) so that pagefind is available",
    ),
    "site.incomplete": (
        "situs yang dibangun tidak lengkap: {count} halaman tidak ada",
        "situs sebelumnya tetap dipakai; jalankan lagi dengan --full",
        "the built site is incomplete: {count} page(s) missing",
        "the previous site stays in place; run again with --full",
    ),
    "site.personal_data": (
        "data pribadi ({what}) ditemukan di situs publik: {excerpt} ({count} temuan)",
        "situs tidak dipublikasikan; hapus data pribadi itu dari teks bebas catatan (catatan, keterangan, "
        "judul), atau tandai berkasnya pribadi: true",
        "personal data ({what}) found in the public site: {excerpt} ({count} hit(s))",
        "the site was not published; remove that personal data from the records' free text (catatan, "
        "keterangan, judul), or mark the file pribadi: true",
    ),
    "site.built": (
        "situs {kind} diterbitkan di {path}: {cases} kasus, {pages} halaman ({rendered} berubah{full})",
        "",
        "{kind} site published in {path}: {cases} cases, {pages} pages ({rendered} changed{full})",
        "",
    ),
    "site.stage.check": ("memeriksa arsip…", "", "checking the archive…", ""),
    "site.stage.pdf": ("membuat dokumen PDF…", "", "rendering PDF documents…", ""),
    "site.stage.cases": ("membaca dan menyusun halaman kasus…", "", "reading and rendering case pages…", ""),
    "site.stage.pages": ("menyusun daftar dan dasbor…", "", "generating listings and the dashboard…", ""),
    "site.stage.mkdocs": ("membangun situs (MkDocs)…", "", "building the site (MkDocs)…", ""),
    "site.stage.assets": ("menautkan foto, dokumen dan ekspor…", "", "linking photos, documents and exports…", ""),
    "site.stage.search": ("membuat indeks pencarian…", "", "building the search index…", ""),
    "site.stage.verify": ("memeriksa data pribadi di keluaran…", "", "scanning the output for personal data…", ""),
    "site.stage.publish": ("menerbitkan situs…", "", "publishing the site…", ""),
    "site.kind_public": ("publik", "", "public", ""),
    "site.kind_internal": ("INTERNAL (memuat data pribadi)", "", "INTERNAL (with personal data)", ""),
    "site.full": ("; build penuh", "", "; full build", ""),
    "site.check_summary": (
        "pemeriksaan: {errors} galat, {warnings} peringatan, {infos} catatan — semuanya ada di halaman Temuan",
        "",
        "check: {errors} error(s), {warnings} warning(s), {infos} note(s) — all on the Temuan page",
        "",
    ),
    "site.serving": (
        "melayani {path} di {url} (Ctrl+C untuk berhenti)",
        "",
        "serving {path} at {url} (Ctrl+C to stop)",
        "",
    ),
    "site.no_site": (
        "belum ada situs di {path}",
        "jalankan dulu: sop-kit build",
        "there is no site in {path} yet",
        "run first: sop-kit build",
    ),
    # --- sop-kit new / step (clerk workflow)
    "new.unknown_kecamatan": (
        "kecamatan '{name}' tidak ada di Kabupaten Purwakarta (mirip: {suggestions})",
        "tulis nama kecamatan seperti di register Kemendagri; `sop-kit new` tanpa --kecamatan menampilkan pilihannya",
        "kecamatan '{name}' does not exist in Kabupaten Purwakarta (close: {suggestions})",
        "write the kecamatan as in the Kemendagri register; `sop-kit new` without --kecamatan lists the choices",
    ),
    "new.unknown_desa": (
        "desa '{name}' tidak ada di Kecamatan {kecamatan} (mirip: {suggestions}; desa bernama itu ada di: {elsewhere})",
        "periksa ejaan desa, atau kecamatannya",
        "desa '{name}' does not exist in Kecamatan {kecamatan} (close: {suggestions}; a desa of that name is in: "
        "{elsewhere})",
        "check the desa's spelling, or its kecamatan",
    ),
    "new.unknown_staff": (
        "staf '{who}' tidak ada di daftar staf (mirip: {suggestions})",
        "gunakan id staf dari staf.yaml (huruf kecil dengan tanda hubung), atau minta admin staf menambahkannya",
        "staff member '{who}' is not in the staff registry (close: {suggestions})",
        "use a staff id from staf.yaml (lower case with hyphens), or ask the staff admin to add them",
    ),
    "new.which_sop": (
        "arsip memuat lebih dari satu SOP ({known}); pilih salah satu",
        "tambahkan --sop NOMOR",
        "the archive holds more than one SOP ({known}); choose one",
        "add --sop NUMBER",
    ),
    "new.unknown_sop": (
        "SOP {nomor} tidak ada di arsip (yang ada: {known})",
        "periksa nomor SOP di folder sop/",
        "SOP {nomor} is not in the archive (known: {known})",
        "check the SOP number in the sop/ folder",
    ),
    "new.sop_not_in_force": (
        "SOP {nomor} baru berlaku sejak {effective}, sedangkan kasus mulai {start}",
        "periksa tanggal mulai kasus",
        "SOP {nomor} is in force only from {effective}, but the case starts {start}",
        "check the case's start date",
    ),
    "new.period_order": (
        "periode berakhir ({end}) sebelum dimulai ({start})",
        "periksa --mulai dan --sampai",
        "the period ends ({end}) before it starts ({start})",
        "check --mulai and --sampai",
    ),
    "new.bad_date": (
        "tanggal '{value}' tidak dapat dibaca",
        "tulis tanggal sebagai TTTT-BB-HH, misalnya 2026-03-02",
        "date '{value}' cannot be read",
        "write the date as YYYY-MM-DD, e.g. 2026-03-02",
    ),
    "new.no_free_id": (
        "tidak menemukan nomor kasus yang belum dipakai untuk desa {desa}",
        "coba lagi; bila terulang, laporkan ke pengelola sop-kit",
        "found no unused case id for desa {desa}",
        "try again; if it happens again, report it to the sop-kit maintainers",
    ),
    "new.symlink": (
        "folder tahun adalah tautan simbolik; kasus tidak dibuat",
        "ganti tautan dengan folder biasa di dalam arsip",
        "the year folder is a symbolic link; no case was created",
        "replace the link with an ordinary folder inside the archive",
    ),
    "new.invalid_scaffold": (
        "berkas kasus baru tidak lolos pemeriksaan; tidak ada yang dibuat",
        "ini kesalahan sop-kit: laporkan beserta perintah yang dijalankan",
        "the new case's file does not pass the check; nothing was created",
        "this is a sop-kit bug: report it with the command you ran",
    ),
    "new.missing_option": (
        "{option} wajib diisi bila tidak interaktif",
        "tambahkan {option} …, atau jalankan tanpa --no-input di terminal untuk ditanya",
        "{option} is required when not interactive",
        "add {option} …, or run without --no-input in a terminal to be asked",
    ),
    "new.cancelled": (
        "dibatalkan; tidak ada yang dibuat",
        "",
        "cancelled; nothing was created",
        "",
    ),
    "new.prompt_kecamatan": ("Kecamatan (nomor atau nama)", "", "Kecamatan (number or name)", ""),
    "new.prompt_desa": (
        "Desa/kelurahan di {kecamatan} (nomor atau nama)",
        "",
        "Desa/kelurahan in {kecamatan} (number or name)",
        "",
    ),
    "new.prompt_mulai": ("Tanggal mulai (TTTT-BB-HH)", "", "Start date (YYYY-MM-DD)", ""),
    "new.prompt_oleh": ("Id staf pembuat kasus", "", "Staff id of the case's creator", ""),
    "new.choice_invalid": ("pilihan '{value}' tidak dikenal", "", "choice '{value}' is not known", ""),
    "new.created": (
        "kasus {id} dibuat di {path}: kasus.yaml dan {steps} berkas langkah (SOP {sop} rev. {revisi})",
        "",
        "case {id} created in {path}: kasus.yaml and {steps} step files (SOP {sop} rev. {revisi})",
        "",
    ),
    "new.next": (
        "Berikutnya: lengkapi kasus.yaml (judul, kontak, sasaran), lalu catat tiap langkah: `sop-kit step {id} N`.",
        "",
        "Next: complete kasus.yaml (title, contacts, families), then record each step with `sop-kit step {id} N`.",
        "",
    ),
    "new.git": ("Simpan ke git:", "", "Save to git:", ""),
    "record.case_invalid": (
        "kasus.yaml tidak dapat dibaca, jadi langkah tidak dicatat",
        "perbaiki dulu kesalahan yang ditunjukkan `sop-kit check`",
        "kasus.yaml cannot be read, so the step was not recorded",
        "first fix what `sop-kit check` reports",
    ),
    "record.unknown_sop": (
        "kasus mengikuti SOP {nomor} yang tidak ada di arsip",
        "periksa 'sop' di kasus.yaml",
        "the case follows SOP {nomor}, which is not in the archive",
        "check 'sop' in kasus.yaml",
    ),
    "record.unknown_step": (
        "SOP tidak punya langkah {no} (langkah 1–{count})",
        "pilih nomor langkah dari SOP",
        "the SOP has no step {no} (steps 1–{count})",
        "choose a step number of the SOP",
    ),
    "record.no_decision": (
        "langkah {no} bukan langkah keputusan (keputusan ada di langkah {steps})",
        "hapus --keputusan, atau pilih langkah keputusan",
        "step {no} is not a decision step (decisions are at step {steps})",
        "drop --keputusan, or choose the decision step",
    ),
    "record.outside": (
        "berkas ini tautan simbolik atau berada di luar folder kasus; tidak disunting",
        "ganti tautan dengan berkas biasa di dalam folder kasus",
        "this file is a symbolic link or lies outside the case folder; not edited",
        "replace the link with an ordinary file inside the case folder",
    ),
    "record.unreadable_step": (
        "berkas langkah sudah ada tetapi tidak dapat dibaca sebagai catatan langkah",
        "perbaiki kesalahan yang ditunjukkan `sop-kit check`, lalu ulangi",
        "the step file exists but cannot be read as a step record",
        "fix what `sop-kit check` reports, then try again",
    ),
    "record.no_file": (
        "berkas lampiran tidak ada (atau bukan berkas biasa)",
        "periksa jalur berkasnya",
        "the attachment does not exist (or is not an ordinary file)",
        "check the file's path",
    ),
    "record.bad_size": (
        "berkas lampiran kosong atau terlalu besar ({size} byte, batas {limit})",
        "pindai ulang dengan resolusi lebih rendah, atau periksa berkasnya",
        "the attachment is empty or too large ({size} bytes, limit {limit})",
        "scan again at a lower resolution, or check the file",
    ),
    "record.which_kind": (
        "jenis dokumen tidak dapat ditentukan untuk langkah {no}",
        "tambahkan --jenis, salah satu dari: {kinds}",
        "the document kind cannot be told for step {no}",
        "add --jenis, one of: {kinds}",
    ),
    "record.unknown_kind": (
        "SOP tidak mengenal jenis dokumen '{kind}' (wajib di langkah ini: {kinds})",
        "gunakan id jenis dokumen dari SOP",
        "the SOP has no document kind '{kind}' (mandated in this step: {kinds})",
        "use a document kind id from the SOP",
    ),
    "record.wrong_type": (
        "isi berkas adalah {found}, padahal {kind} harus berformat {formats}",
        "lampirkan berkas yang benar; mengganti akhiran nama berkas tidak mengubah isinya",
        "the file's content is {found}, but {kind} must be {formats}",
        "attach the right file; renaming it does not change what it is",
    ),
    "record.already_attached": (
        "berkas yang sama sudah dilampirkan sebagai {where} (langkah {step})",
        "tidak perlu dilampirkan lagi; bila berbeda, periksa apakah berkasnya benar",
        "the same file is already attached as {where} (step {step})",
        "no need to attach it again; if it should differ, check the file",
    ),
    "record.not_mapping": (
        "berkas langkah bukan daftar 'kunci: nilai'",
        "perbaiki berkasnya seperti yang ditunjukkan `sop-kit check`",
        "the step file is not a list of 'key: value'",
        "fix the file as `sop-kit check` says",
    ),
    "record.invalid": (
        "hasil suntingan tidak lolos pemeriksaan ({detail} pada '{field}'); berkas tidak diubah",
        "periksa nilai yang diberikan (waktu 'TTTT-BB-HH JJ:MM', selesai tidak sebelum mulai)",
        "the edited record fails validation ({detail} at '{field}'); the file was not changed",
        "check the values given (times 'YYYY-MM-DD HH:MM', end not before start)",
    ),
    "record.bad_time": (
        "waktu '{value}' tidak dapat dibaca",
        "tulis waktu sebagai \"TTTT-BB-HH JJ:MM\" (dalam tanda kutip), atau 'sekarang'",
        "time '{value}' cannot be read",
        "write the time as \"YYYY-MM-DD HH:MM\" (in quotes), or 'now'",
    ),
    "record.nothing": (
        "tidak ada yang dicatat",
        "berikan misalnya --mulai, --selesai, --pelaksana, --keputusan atau --lampir (lihat --help)",
        "nothing to record",
        "give e.g. --mulai, --selesai, --pelaksana, --keputusan or --lampir (see --help)",
    ),
    "record.no_git": (
        "arsip tidak berada di repositori git, jadi tidak dapat di-commit",
        "jalankan `git init` di folder arsip, atau simpan tanpa --commit",
        "the archive is not in a git repository, so it cannot be committed",
        "run `git init` in the archive's folder, or save without --commit",
    ),
    "record.git_failed": (
        "git {command} gagal: {reason}",
        "tanpa kunci penanda tangan, atur dulu `git config user.signingkey`, atau gunakan --no-sign",
        "git {command} failed: {reason}",
        "without a signing key, set `git config user.signingkey` first, or use --no-sign",
    ),
    "record.done": (
        "langkah {no} (putaran {putaran}) dicatat di {path}: status {status}",
        "",
        "step {no} (round {putaran}) recorded in {path}: status {status}",
        "",
    ),
    "record.created_round": (
        "berkas langkah baru untuk putaran {putaran} dibuat",
        "",
        "a new step file for round {putaran} was written",
        "",
    ),
    "record.attached": (
        "dilampirkan: {path} ({kind}, sha256 {sha})",
        "",
        "attached: {path} ({kind}, sha256 {sha})",
        "",
    ),
    "record.clean": ("pemeriksaan langkah ini: sesuai SOP", "", "check of this step: as the SOP requires", ""),
    "record.committed": ("disimpan sebagai commit {sha}", "", "saved as commit {sha}", ""),
    # --- sop-kit schema / init (editor validation, a new office's archive)
    "init.schema_written": (
        "{count} skema JSON ditulis ke {path}",
        "",
        "{count} JSON schemas written to {path}",
        "",
    ),
    "init.write_failed": (
        "tidak dapat menulis {path}: {error}",
        "periksa izin folder dan ruang disk",
        "cannot write {path}: {error}",
        "check the folder's permissions and free space",
    ),
    "init.not_empty": (
        "folder {path} tidak kosong; sop-kit init tidak pernah menimpa berkas",
        "pilih folder baru atau folder kosong",
        "folder {path} is not empty; sop-kit init never overwrites files",
        "choose a new or an empty folder",
    ),
    "init.not_a_folder": (
        "{path} sudah ada dan bukan folder",
        "pilih nama folder lain",
        "{path} exists and is not a folder",
        "choose another folder name",
    ),
    "init.sop_missing": (
        "berkas SOP {path} tidak ditemukan",
        "berikan berkas SOP (.yaml) yang ada dengan --sop",
        "SOP file {path} not found",
        "give an existing SOP file (.yaml) with --sop",
    ),
    "init.sop_not_yaml": (
        "berkas SOP {path} harus berakhiran .yaml",
        "sop-kit check hanya membaca records/sop/*.yaml; ganti nama berkasnya",
        "SOP file {path} must end in .yaml",
        "sop-kit check reads records/sop/*.yaml only; rename the file",
    ),
    "init.bad_instansi": (
        "nama instansi harus satu baris teks, 1–4000 karakter",
        'contoh: --instansi "Dinas Sosial Kabupaten Contoh"',
        "the office name must be one line of text, 1–4000 characters",
        'for example: --instansi "Dinas Sosial Kabupaten Contoh"',
    ),
    "init.git_failed": (
        "git init gagal: {error}",
        "pasang git, hapus folder {path}, lalu ulangi sop-kit init",
        "git init failed: {error}",
        "install git, remove the folder {path}, then run sop-kit init again",
    ),
    "init.created": (
        "arsip baru dibuat di {path} (repositori git, cabang main):",
        "",
        "new archive created in {path} (a git repository, branch main):",
        "",
    ),
    "init.next_steps": (
        "Langkah berikutnya:\n"
        "  cd {path}\n"
        "  1. isi records/staf.yaml dengan staf yang memegang peran SOP (lihat contoh di dalamnya)\n"
        "  2. tanda tangan commit dengan kunci SSH:\n"
        "       git config user.signingkey ~/.ssh/id_ed25519.pub\n"
        "       git config gpg.format ssh && git config commit.gpgsign true\n"
        "  3. sop-kit check records --no-trail\n"
        '  4. git add -A && git commit -m "Arsip awal"\n'
        "  5. pre-commit install   (pemeriksaan otomatis sebelum setiap commit)\n"
        "  6. kasus pertama: sop-kit new --root records\n"
        "Semua perintah dijelaskan di README.md.",
        "",
        "Next steps:\n"
        "  cd {path}\n"
        "  1. fill in records/staf.yaml with the staff who hold SOP roles (see the example inside)\n"
        "  2. sign commits with an SSH key:\n"
        "       git config user.signingkey ~/.ssh/id_ed25519.pub\n"
        "       git config gpg.format ssh && git config commit.gpgsign true\n"
        "  3. sop-kit check records --no-trail\n"
        '  4. git add -A && git commit -m "Arsip awal"\n'
        "  5. pre-commit install   (the check runs before every commit)\n"
        "  6. the first case: sop-kit new --root records\n"
        "README.md explains every command.",
        "",
    ),
    # --- sop-kit export / verify-bag (BagIt transfer)
    "export.needs_format": (
        "sebutkan format ekspor",
        "saat ini hanya BagIt: sop-kit export KASUS --bagit",
        "name the export format",
        "only BagIt for now: sop-kit export CASE --bagit",
    ),
    "export.no_identity": (
        "kasus {id} tidak dapat diekspor: kasus.yaml tidak ada atau tidak terbaca",
        "perbaiki kasus.yaml dulu (sop-kit check)",
        "case {id} cannot be exported: kasus.yaml is missing or unreadable",
        "fix kasus.yaml first (sop-kit check)",
    ),
    "export.no_sop": (
        "kasus {id} tidak dapat diekspor: SOP {nomor} (revisi yang dirujuk) tidak ada di arsip",
        "tanpa SOP-nya, kasus tidak dapat dinilai di tempat tujuan; periksa sop/ dan kasus.yaml",
        "case {id} cannot be exported: SOP {nomor} (the revision it names) is not in the archive",
        "without its SOP the case cannot be judged where it goes; check sop/ and kasus.yaml",
    ),
    "export.unfinished": (
        "kasus {id} belum selesai ({state}); arsip daerah menerima kasus yang sudah ditutup",
        "selesaikan langkah yang tersisa (sop-kit status {id}), atau tambahkan --force "
        "untuk mengirim kasus yang masih berjalan (bag-info mencatat statusnya)",
        "case {id} is not finished ({state}); the regional archive takes closed cases",
        "finish the remaining steps (sop-kit status {id}), or add --force "
        "to send a case still in progress (bag-info records its status)",
    ),
    "export.has_errors": (
        "kasus {id} punya {errors} galat (yang pertama: {first_file} [{first_code}]); "
        "bag hanya dibuat untuk kasus yang lolos pemeriksaan",
        "perbaiki dulu (sop-kit check), atau tambahkan --force: galatnya ikut tercatat di data/temuan-ekspor.json "
        "dan bag-info (Diekspor-Dengan-Force: ya)",
        "case {id} has {errors} error(s) (the first: {first_file} [{first_code}]); "
        "bags are made only for cases that pass the check",
        "fix them first (sop-kit check), or add --force: the errors are recorded in data/temuan-ekspor.json "
        "and bag-info (Diekspor-Dengan-Force: ya)",
    ),
    "export.outside_archive": (
        "{path} bukan folder kasus di dalam arsip {root}",
        "sebutkan id kasus atau foldernya di bawah kasus/<tahun>/ (bukan melalui tautan simbolik)",
        "{path} is not a case folder inside the archive {root}",
        "name the case id or its folder under kasus/<year>/ (not through a symbolic link)",
    ),
    "export.bad_name": (
        "nama berkas tidak aman untuk manifes bag: {path}",
        "ganti nama berkas itu (tanpa karakter kendali, garis miring terbalik atau byte non-UTF-8)",
        "file name unsafe for a bag manifest: {path}",
        "rename the file (no control characters, backslashes or non-UTF-8 bytes)",
    ),
    "export.symlink": (
        "tautan simbolik {path} di folder kasus; tidak ada yang diekspor",
        "simpan berkasnya sendiri di folder kasus, bukan tautan: bag hanya memuat isi folder kasus",
        "symbolic link {path} in the case folder; nothing was exported",
        "keep the file itself in the case folder, not a link: a bag holds only the case folder's content",
    ),
    "export.not_regular": (
        "{path} bukan berkas biasa; tidak ada yang diekspor",
        "hapus berkas khusus itu (FIFO, perangkat, soket) dari folder kasus",
        "{path} is not a regular file; nothing was exported",
        "remove that special file (FIFO, device, socket) from the case folder",
    ),
    "export.unreadable": (
        "berkas tidak dapat dibaca: {path} ({reason}); tidak ada yang diekspor",
        "periksa izin berkas, atau apakah berkas itu sebuah tautan",
        "file cannot be read: {path} ({reason}); nothing was exported",
        "check the file's permissions, or whether it is a link",
    ),
    "export.out_not_folder": (
        "{path} sudah ada dan bukan folder",
        "sebutkan folder baru dengan --out",
        "{path} exists and is not a folder",
        "name a new folder with --out",
    ),
    "export.out_exists": (
        "folder {path} sudah ada dan tidak kosong; tidak ditimpa",
        "sebutkan folder baru dengan --out, atau pindahkan bag yang lama",
        "folder {path} exists and is not empty; it is not overwritten",
        "name a new folder with --out, or move the old bag away",
    ),
    "export.out_no_parent": (
        "folder induk {path} tidak ada",
        "buat dulu foldernya, atau sebutkan tempat lain dengan --out",
        "the parent folder {path} does not exist",
        "create it first, or name another place with --out",
    ),
    "export.out_in_archive": (
        "bag {path} tidak boleh dibuat di dalam arsip {root}",
        "sebutkan tempat di luar arsip dengan --out: bag memuat salinan kasus, yang akan terbaca sebagai kasus kedua",
        "the bag {path} may not be made inside the archive {root}",
        "name a place outside the archive with --out: "
        "the bag holds a copy of the case, which would read as a second case",
    ),
    "export.pdf_failed": (
        "berkas pembinaan kasus {id} gagal dibuat: {error}; tidak ada yang diekspor",
        "coba sop-kit pdf --case {id} --internal DIR untuk melihat masalahnya",
        "the dossier of case {id} could not be rendered: {error}; nothing was exported",
        "try sop-kit pdf --case {id} --internal DIR to see the problem",
    ),
    "export.done": (
        "bag BagIt kasus {case} dibuat di {path}: {files} berkas, {bytes} byte, manifes {algorithms}",
        "",
        "BagIt bag of case {case} written to {path}: {files} files, {bytes} bytes, {algorithms} manifests",
        "",
    ),
    "export.personal": (
        "bag ini memuat data pribadi (berkas pembinaan internal, kasus.yaml): kirim hanya ke arsip daerah",
        "",
        "this bag holds personal data (the internal dossier, kasus.yaml): send it only to the regional archive",
        "",
    ),
    "bag.not_a_bag": (
        "{path} bukan bag BagIt (tidak ada bagit.txt)",
        "sebutkan folder bag, misalnya KASUS.bag yang dibuat sop-kit export KASUS --bagit",
        "{path} is not a BagIt bag (no bagit.txt)",
        "name a bag folder, e.g. the CASE.bag made by sop-kit export CASE --bagit",
    ),
    "bag.header": ("bag {path} (kasus {case})", "", "bag {path} (case {case})", ""),
    "bag.symlink": (
        "tautan simbolik di dalam bag; bag tidak diperiksa lebih lanjut",
        "",
        "symbolic link inside the bag; the bag is not checked further",
        "",
    ),
    "bag.not_regular": (
        "berkas khusus (bukan berkas biasa) di dalam bag; bag tidak diperiksa lebih lanjut",
        "",
        "special file (not a regular file) inside the bag; the bag is not checked further",
        "",
    ),
    "bag.unreadable": ("bag tidak dapat dibaca: {error}", "", "the bag cannot be read: {error}", ""),
    "bag.invalid": ("bag tidak sah: {error}", "", "the bag is not valid: {error}", ""),
    "bag.missing": (
        "tercantum di manifes tetapi tidak ada di bag",
        "",
        "listed in the manifest but missing from the bag",
        "",
    ),
    "bag.unexpected": (
        "ada di bag tetapi tidak tercantum di manifes",
        "",
        "present in the bag but not listed in the manifest",
        "",
    ),
    "bag.changed": (
        "isi berkas berubah: checksum {algorithms} tidak cocok dengan manifes",
        "",
        "file content changed: {algorithms} checksum does not match the manifest",
        "",
    ),
    "bag.no_identifier": (
        "bag-info tidak memuat External-Identifier (id kasus)",
        "",
        "bag-info has no External-Identifier (the case id)",
        "",
    ),
    "bag.no_records": (
        "tidak ada arsip mini (sop/ dan staf.yaml) di dalam bag",
        "",
        "no miniature archive (sop/ and staf.yaml) inside the bag",
        "",
    ),
    "bag.case_mismatch": (
        "bag seharusnya memuat tepat satu kasus, {id}; ditemukan: {found}",
        "",
        "the bag should hold exactly one case, {id}; found: {found}",
        "",
    ),
    "bag.no_dossier": ("berkas pembinaan (PDF) tidak ada", "", "the dossier (PDF) is missing", ""),
    "bag.no_trail": (
        "bag-info menyatakan jejak persetujuan disertakan, tetapi berkasnya tidak ada atau rusak",
        "",
        "bag-info says the approval trail is included, but its file is missing or broken",
        "",
    ),
    "bag.no_findings": (
        "catatan temuan saat ekspor tidak ada atau rusak",
        "",
        "the record of findings at export time is missing or broken",
        "",
    ),
    "bag.check_error": (
        "galat baru menurut pemeriksaan sop-kit [{rule}]: {message}",
        "",
        "new error by sop-kit's check [{rule}]: {message}",
        "",
    ),
    "bag.known_error": (
        "catatan: galat yang sudah tercatat saat ekspor (--force) [{rule}]: {message}",
        "",
        "note: error already recorded at export (--force) [{rule}]: {message}",
        "",
    ),
    "bag.valid": (
        "SAH: bag utuh ({files} berkas data, checksum {algorithms} cocok) dan kasusnya lolos pemeriksaan sop-kit",
        "",
        "VALID: the bag is complete ({files} payload files, {algorithms} checksums match) "
        "and its case passes sop-kit's check",
        "",
    ),
    "bag.invalid_verdict": (
        "TIDAK SAH: {problems} masalah (lihat di atas)",
        "",
        "NOT VALID: {problems} problem(s) (see above)",
        "",
    ),
    # --- progress and feedback (bars, --quiet / --verbose)
    # --- sop-kit sop import (the SOP AP importer)
    "import.missing_file": (
        "berkas tidak ditemukan",
        "periksa nama dan folder berkasnya",
        "file not found",
        "check the file's name and folder",
    ),
    "import.too_large": (
        "berkas terlalu besar untuk sebuah SOP ({size} byte, batas {limit})",
        "pastikan ini dokumen SOP-nya, bukan arsip atau pindaian",
        "file too large for an SOP ({size} bytes, limit {limit})",
        "make sure this is the SOP document, not an archive or a scan",
    ),
    "import.unknown_type": (
        "jenis berkas '{suffix}' tidak dapat dibaca",
        "simpan SOP sebagai .txt, .docx atau PDF yang berisi teks",
        "file type '{suffix}' cannot be read",
        "save the SOP as .txt, .docx or a PDF with a text layer",
    ),
    "import.empty": ("berkas kosong: tidak ada teks", "", "the file is empty: no text", ""),
    "import.not_text": (
        "berkas bukan teks UTF-8 (berkas biner?)",
        "simpan SOP sebagai teks UTF-8, atau impor .docx/PDF-nya dengan akhiran yang benar",
        "the file is not UTF-8 text (a binary file?)",
        "save the SOP as UTF-8 text, or import its .docx/PDF under the right suffix",
    ),
    "import.bad_docx": (
        "berkas .docx tidak terbaca sebagai dokumen Word ({detail})",
        "buka dan simpan ulang di Word/LibreOffice sebagai .docx",
        "the .docx file cannot be read as a Word document ({detail})",
        "open it and save it again as .docx in Word/LibreOffice",
    ),
    "import.bad_pdf": (
        "berkas PDF tidak terbaca ({detail})",
        "ekspor ulang PDF-nya, atau salin teksnya ke berkas .txt",
        "the PDF cannot be read ({detail})",
        "export the PDF again, or copy its text into a .txt file",
    ),
    "import.pdf_no_text": (
        "PDF ini tidak punya lapisan teks (hasil pindai?)",
        "jalankan OCR lebih dulu, atau impor dari .docx/.txt aslinya",
        "this PDF has no text layer (a scan?)",
        "run OCR first, or import from the original .docx/.txt",
    ),
    "import.not_sop_ap": (
        "dokumen ini bukan SOP AP: labelnya ({labels}) adalah format SOP lain, misalnya puskesmas",
        "sop-kit hanya membaca format SOP Administrasi Pemerintahan (Nomor SOP, Tgl Pembuatan, Disahkan Oleh, "
        "Nama SOP, diagram alir dengan Mutu Baku)",
        "this is not an SOP AP document: its labels ({labels}) belong to another SOP format, e.g. a health centre's",
        "sop-kit reads only the SOP Administrasi Pemerintahan format (Nomor SOP, Tgl Pembuatan, Disahkan Oleh, "
        "Nama SOP, a flowchart with Mutu Baku)",
    ),
    "import.no_identity": (
        "blok identitas SOP AP tidak ditemukan (Nomor SOP, Tgl Pembuatan, Disahkan Oleh, Nama SOP)",
        "pastikan berkas ini dokumen SOP AP dan labelnya terbaca sebagai teks",
        "no SOP AP identity block found (Nomor SOP, Tgl Pembuatan, Disahkan Oleh, Nama SOP)",
        "make sure this is an SOP AP document and its labels are text",
    ),
    "import.exists": (
        "berkas {path} sudah ada",
        "pakai --force untuk menimpanya, atau --out untuk nama lain",
        "{path} already exists",
        "use --force to overwrite it, or --out for another name",
    ),
    "import.header": (
        "Diimpor oleh 'sop-kit sop import' dari {file}. Tinjau sebelum dipakai.",
        "",
        "Imported by 'sop-kit sop import' from {file}. Review before use.",
        "",
    ),
    "import.header_problems": ("Tidak terbaca (perbaiki):", "", "Could not be read (fix):", ""),
    "import.header_guesses": ("Tebakan:", "", "Guesses:", ""),
    "import.header_review": ("Dibuat otomatis, perlu ditinjau:", "", "Derived, to review:", ""),
    "import.label_guess": (
        "label '{printed}' dibaca sebagai '{label}' ({score})",
        "",
        "label '{printed}' read as '{label}' ({score})",
        "",
    ),
    "import.role_guess": (
        "peran '{printed}' cocok dengan '{role}' ({score})",
        "",
        "role '{printed}' matched '{role}' ({score})",
        "",
    ),
    "import.typo_fixed": (
        "'{printed}' dibaca sebagai '{word}' (ejaan dokumen ini di tempat lain)",
        "",
        "'{printed}' read as '{word}' (this document's spelling elsewhere)",
        "",
    ),
    "import.time_hr": (
        "waktu '{printed}' dibaca sebagai hari kerja ({minutes} menit)",
        "",
        "time '{printed}' read as working days ({minutes} minutes)",
        "",
    ),
    "import.continued": (
        "baris lanjutan digabung ke kegiatan langkah {step}",
        "",
        "continuation line joined to the activity of step {step}",
        "",
    ),
    "import.decision": (
        "langkah {step} adalah keputusan (panah 'Ya'/'Tidak'): ya ke langkah {ya}, tidak ke langkah {tidak}",
        "",
        "step {step} is a decision ('Ya'/'Tidak' arrows): yes to step {ya}, no to step {tidak}",
        "",
    ),
    "import.review_question": (
        "langkah {step}: pertanyaan keputusan tidak tertulis di teks; diisi '{question}'",
        "",
        "step {step}: the decision's question is not in the text; set to '{question}'",
        "",
    ),
    "import.review_role_id": ("id peran '{id}' untuk '{role}'", "", "role id '{id}' for '{role}'", ""),
    "import.review_kind": (
        "jenis dokumen '{id}' ({name}) dari Kelengkapan, format {formats}; periksa format dan 'pribadi'",
        "",
        "document kind '{id}' ({name}) from Kelengkapan, formats {formats}; check formats and 'pribadi'",
        "",
    ),
    "import.review_sarana": (
        "langkah {step}: '{text}' dianggap sarana, bukan berkas",
        "",
        "step {step}: '{text}' taken as equipment, not a file",
        "",
    ),
    "import.review_photos": (
        "Peringatan menyebut Foto: kasus yang selesai wajib punya '{id}' (foto_wajib)",
        "",
        "the Peringatan mentions Foto: a closed case must hold '{id}' (foto_wajib)",
        "",
    ),
    "import.revision_guess": (
        "ada tanggal revisi tanpa nomor revisi; diisi revisi {revisi}",
        "",
        "a revision date without a revision number; set to revision {revisi}",
        "",
    ),
    "import.missing_field": ("'{label}' tidak ditemukan", "", "'{label}' not found", ""),
    "import.bad_date": (
        "{label} '{value}' tidak terbaca sebagai bulan dan tahun",
        "",
        "{label} '{value}' cannot be read as month and year",
        "",
    ),
    "import.bad_pengesah": (
        "{label} tidak terbaca (jabatan, nama, NIP 18 angka)",
        "",
        "{label} cannot be read (position, name, 18-digit NIP)",
        "",
    ),
    "import.no_flowchart": (
        "tabel diagram alir (No., Kegiatan, Pelaksana, Mutu Baku) tidak ditemukan",
        "",
        "no flowchart table (No., Kegiatan, Pelaksana, Mutu Baku) found",
        "",
    ),
    "import.bad_row": ("baris tabel tidak terbaca: '{text}'", "", "table row cannot be read: '{text}'", ""),
    "import.no_time": (
        "langkah {step}: waktu tidak terbaca ('{value}')",
        "",
        "step {step}: time cannot be read ('{value}')",
        "",
    ),
    "import.missing_cell": ("langkah {step}: {column} kosong", "", "step {step}: {column} is empty", ""),
    "import.unknown_role": (
        "langkah {step}: peran '{printed}' tidak cocok dengan kolom Pelaksana ({roles})",
        "",
        "step {step}: role '{printed}' matches no Pelaksana column ({roles})",
        "",
    ),
    "import.no_role": ("langkah {step}: tidak ada penanggung jawab", "", "step {step}: nobody responsible", ""),
    "import.step_gap": (
        "nomor langkah {step} tidak berurutan",
        "",
        "step number {step} is out of sequence",
        "",
    ),
    "import.time_mismatch": (
        "langkah {step}: waktu berbeda di kedua tabel ({first} / {second}); dipakai {first}",
        "",
        "step {step}: the two tables give different times ({first} / {second}); {first} used",
        "",
    ),
    "import.stray_label": (
        "label panah '{label}' tanpa keputusan di dekatnya",
        "",
        "arrow label '{label}' with no decision near it",
        "",
    ),
    "import.written": (
        "ditulis: {path} ({steps} langkah, {roles} peran)",
        "",
        "written: {path} ({steps} steps, {roles} roles)",
        "",
    ),
    "import.review_count": (
        "{count} nilai dibuat otomatis dan perlu ditinjau (daftarnya di kepala berkas)",
        "",
        "{count} derived value(s) to review (listed at the top of the file)",
        "",
    ),
    "import.valid": (
        "valid menurut model SOP; tinjau tebakan di atas (juga di kepala berkas)",
        "",
        "valid against the SOP model; review the guesses above (also at the top of the file)",
        "",
    ),
    "import.invalid": (
        "{count} masalah validasi: perbaiki berkasnya, lalu jalankan sop-kit check",
        "",
        "{count} validation problem(s): fix the file, then run sop-kit check",
        "",
    ),
    # --- revisions and sop-kit sop diff
    "revision.unknown_sop": (
        "SOP {nomor} tidak ada di arsip",
        "SOP yang ada: {known}",
        "SOP {nomor} is not in the archive",
        "available: {known}",
    ),
    "revision.none_in_force": (
        "belum ada revisi SOP {nomor} yang berlaku saat kasus mulai {start} (yang pertama berlaku {effective})",
        "periksa 'periode.mulai', atau tulis 'sop.revisi' bila kasus memang mengikuti revisi tertentu",
        "no revision of SOP {nomor} was in force when the case started {start} (the first took effect {effective})",
        "check 'periode.mulai', or write 'sop.revisi' if the case really follows a given revision",
    ),
    "diff.header": (
        "SOP {nomor} revisi {a} → SOP {nomor_b} revisi {b}",
        "",
        "SOP {nomor} revision {a} → SOP {nomor_b} revision {b}",
        "",
    ),
    "diff.summary": ("{count} perubahan", "", "{count} change(s)", ""),
    "diff.none": ("tidak ada perubahan", "", "no changes", ""),
    "diff.true": ("ya", "", "yes", ""),
    "diff.false": ("tidak", "", "no", ""),
    "diff.identity": ("{field}: {old} → {new}", "", "{field}: {old} → {new}", ""),
    "diff.identity_added": ("{field}: ditambah {items}", "", "{field}: added {items}", ""),
    "diff.identity_removed": ("{field}: dihapus {items}", "", "{field}: removed {items}", ""),
    "diff.identity_reordered": ("{field}: urutan berubah", "", "{field}: order changed", ""),
    "diff.step_added": ("Langkah {key} ditambahkan: {label}", "", "Step {key} added: {label}", ""),
    "diff.step_removed": ("Langkah {key} dihapus: {label}", "", "Step {key} removed: {label}", ""),
    "diff.step_time": ("Langkah {no}: waktu {old} → {new} menit", "", "Step {no}: time {old} → {new} minutes", ""),
    "diff.step_roles": ("Langkah {no}: pelaksana {old} → {new}", "", "Step {no}: performed by {old} → {new}", ""),
    "diff.step_documents_added": (
        "Langkah {no}: dokumen wajib ditambah {items}",
        "",
        "Step {no}: mandated document(s) added: {items}",
        "",
    ),
    "diff.step_documents_removed": (
        "Langkah {no}: dokumen wajib dihapus {items}",
        "",
        "Step {no}: mandated document(s) removed: {items}",
        "",
    ),
    "diff.step_documents_reordered": (
        "Langkah {no}: urutan dokumen wajib berubah",
        "",
        "Step {no}: order of the mandated documents changed",
        "",
    ),
    "diff.step_field": ("Langkah {no}: {field} “{old}” → “{new}”", "", "Step {no}: {field} “{old}” → “{new}”", ""),
    "diff.role_added": ("Peran ditambahkan: {key} ({label})", "", "Role added: {key} ({label})", ""),
    "diff.role_removed": ("Peran dihapus: {key} ({label})", "", "Role removed: {key} ({label})", ""),
    "diff.role_field": ("Peran {key}: {field} “{old}” → “{new}”", "", "Role {key}: {field} “{old}” → “{new}”", ""),
    "diff.kind_added": (
        "Jenis dokumen ditambahkan: {key} ({label})",
        "",
        "Document kind added: {key} ({label})",
        "",
    ),
    "diff.kind_removed": ("Jenis dokumen dihapus: {key} ({label})", "", "Document kind removed: {key} ({label})", ""),
    "diff.kind_field": (
        "Jenis dokumen {key}: {field} {old} → {new}",
        "",
        "Document kind {key}: {field} {old} → {new}",
        "",
    ),
    "diff.no_file": (
        "berkas SOP tidak ada",
        "sebut berkas YAML SOP, atau NOMOR@REVISI dari folder sop/ arsip",
        "SOP file not found",
        "name an SOP YAML file, or NOMOR@REVISI from the archive's sop/ folder",
    ),
    "diff.bad_ref": (
        "revisi tidak dikenali dalam '{ref}'",
        "tulis NOMOR@REVISI dengan REVISI bilangan, mis. 61.1.D.049/I/2020@1; yang ada: {known}",
        "revision not understood in '{ref}'",
        "write NOMOR@REVISI with a number for REVISI, e.g. 61.1.D.049/I/2020@1; available: {known}",
    ),
    "diff.unknown_ref": (
        "SOP '{ref}' tidak ada di arsip",
        "yang ada: {known}",
        "SOP '{ref}' is not in the archive",
        "available: {known}",
    ),
    # --- sop-kit sop stats (practice against the standard)
    "stats.header": (
        "SOP {nomor} revisi {revisi} (berlaku {effective}): {cases} kasus",
        "",
        "SOP {nomor} revision {revisi} (in force {effective}): {cases} case(s)",
        "",
    ),
    "stats.col_step": ("Langkah", "", "Step", ""),
    "stats.col_standard": ("Standar", "", "Standard", ""),
    "stats.col_completed": ("n", "", "n", ""),
    "stats.col_median": ("Median", "", "Median", ""),
    "stats.col_p90": ("P90", "", "P90", ""),
    "stats.col_over": ("> standar", "", "> standard", ""),
    "stats.flexible": (
        "* waktu disesuaikan: standar hanya petunjuk",
        "",
        "* 'waktu disesuaikan': the standard is indicative",
        "",
    ),
    "stats.documents": (
        "Dokumen wajib yang tidak ada saat langkah selesai:",
        "",
        "Mandated documents missing when the step was completed:",
        "",
    ),
    "stats.document_row": (
        "langkah {no}, {kind}: {missing} dari {completed} ({share})",
        "",
        "step {no}, {kind}: {missing} of {completed} ({share})",
        "",
    ),
    "stats.none": ("tidak ada SOP", "", "no SOP", ""),
    "stats.method": (
        "Waktu dalam menit. n = catatan langkah selesai (dalam kurung: yang waktunya lengkap, bila berbeda); "
        "median = nilai tengah; P90 = persentil ke-90 peringkat terdekat (nilai ke-⌈0,9·n⌉ terkecil).",
        "",
        "Times in minutes. n = completed step records (in brackets: those with both times, if fewer); "
        "median = middle value; P90 = nearest-rank 90th percentile (the ⌈0.9·n⌉-th smallest).",
        "",
    ),
    "stats.unknown_sop": (
        "SOP {nomor} tidak ada di arsip",
        "SOP yang ada: {known}",
        "SOP {nomor} is not in the archive",
        "available: {known}",
    ),
    # --- several SOPs in one archive
    "new.prompt_sop": (
        "SOP yang diikuti kasus ini (nomor atau nomor urut)",
        "",
        "The SOP this case follows (number, or its place in the list)",
        "",
    ),
    "progress.task.check": ("memeriksa kasus", "", "checking cases", ""),
    "progress.task.signatures": ("memverifikasi tanda tangan commit", "", "verifying commit signatures", ""),
    "progress.task.pdf": ("membuat dokumen PDF", "", "rendering PDF documents", ""),
    "progress.task.cases": ("menyusun halaman kasus", "", "rendering case pages", ""),
    "progress.task.search": ("mengindeks bagian pencarian", "", "indexing search bundles", ""),
    "progress.task.demo": ("membuat commit demo", "", "making the demo commits", ""),
    "progress.start": ("{task}: {total} …", "", "{task}: {total} …", ""),
    "progress.at": ("{task}: {count}/{total} ({percent} %)", "", "{task}: {count}/{total} ({percent} %)", ""),
    "progress.done": ("{task}: {count}/{total} ({seconds} detik)", "", "{task}: {count}/{total} ({seconds} s)", ""),
    "progress.rate": ("{rate}/detik", "", "{rate}/s", ""),
    "progress.eta": ("sisa {eta}", "", "{eta} left", ""),
    "progress.stage_time": ("tahap {stage}: {seconds} detik", "", "stage {stage}: {seconds} s", ""),
    "progress.case_checked": ("diperiksa: {case}", "", "checked: {case}", ""),
    "progress.cases_cached": (
        "{count} kasus tidak berubah sejak pemeriksaan terakhir (hasil dari cache)",
        "",
        "{count} case(s) unchanged since the last check (verdicts from the cache)",
        "",
    ),
    "progress.trail_cached": (
        "jejak persetujuan dari cache (tidak ada commit baru)",
        "",
        "approval trail from the cache (no new commits)",
        "",
    ),
    "progress.signatures_cached": (
        "{count} tanda tangan commit dari cache",
        "",
        "{count} commit signature(s) from the cache",
        "",
    ),
    "progress.pdf_rendered": ("dibuat: {path}", "", "rendered: {path}", ""),
    "progress.pdf_reused": ("tidak berubah, dipakai lagi: {path}", "", "unchanged, reused: {path}", ""),
    "progress.case_rendered": ("halaman kasus dibuat ulang: {case}", "", "case page rendered again: {case}", ""),
    "progress.cases_kept": ("{count} halaman kasus tidak berubah", "", "{count} case page(s) unchanged", ""),
    "progress.search_indexed": ("diindeks: {bundle}", "", "indexed: {bundle}", ""),
    "progress.demo_commit": ("commit {when}: {message}", "", "commit {when}: {message}", ""),
    "progress.quiet_verbose": (
        "--quiet dan --verbose tidak dapat dipakai bersamaan",
        "",
        "--quiet and --verbose cannot be used together",
        "",
    ),
    "state.belum-mulai": ("belum dimulai", "", "not started", ""),
    "state.berjalan": ("sedang berjalan", "", "in progress", ""),
    "state.menunggu-keputusan": ("menunggu keputusan", "", "awaiting a decision", ""),
    "state.selesai": ("selesai", "", "complete", ""),
    "decision.ya": ("ya (dilanjutkan)", "", "yes (carried on)", ""),
    "decision.tidak": ("tidak (kembali ke langkah {target})", "", "no (back to step {target})", ""),
    "decision.none": ("belum diputuskan", "", "not decided yet", ""),
}


class _Keep(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def known(code: str) -> bool:
    return code in CATALOG


def render(code: str, lang: str, params: dict[str, Any]) -> tuple[str, str]:
    """``(message, hint)`` for ``code`` in ``lang`` (``id`` or ``en``)."""
    entry = CATALOG.get(code) or CATALOG["schema.other"]
    msg, hint = (entry[0], entry[1]) if lang != "en" else (entry[2], entry[3])
    # A parameter written "@code" is itself a catalogue entry, rendered in the same language.
    values = _Keep({"detail": code})
    for key, value in params.items():
        nested = isinstance(value, str) and value.startswith("@") and value[1:] in CATALOG
        values[key] = render(value[1:], lang, {})[0] if nested else value
    return msg.format_map(values), hint.format_map(values)


def text(code: str, lang: str, **params: Any) -> str:
    return render(code, lang, params)[0]


def default_lang() -> str:
    """``SOP_KIT_LANG`` (id/en) if set, else Indonesian."""
    lang = os.environ.get("SOP_KIT_LANG", "id")
    return lang if lang in LANGS else "id"
