"""Messages of the clerks' commands (new, step, schema, init)."""

ENTRIES: dict[str, tuple[str, str, str, str]] = {
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
    "init.emblem": (
        "lambang tidak dapat dipakai: {why}",
        "berikan berkas PNG atau JPEG lambang daerah",
        "the emblem cannot be used: {why}",
        "give the regional emblem as a PNG or JPEG file",
    ),
    "init.bad_profile": (
        "profil kantor: {field} tidak sah ('{value}')",
        "periksa isian itu (surel seperti nama@dinas.go.id, laman diawali https://, kode pos 5 angka)",
        "office profile: {field} is not valid ('{value}')",
        "check that answer (e-mail like name@office.go.id, website starting https://, a 5-digit postcode)",
    ),
    "init.no_profile": (
        "Profil kantor belum diisi (tanpa alamat): isi bagian kantor: di sop-kit.yaml sebelum mencetak surat.",
        "",
        "The office profile is not filled in (no address): fill in kantor: in sop-kit.yaml before printing letters.",
        "",
    ),
    "init.prompt_pemerintah": ("Pemerintah daerah", "", "Regional government", ""),
    "init.prompt_dinas": ("Nama dinas", "", "Office name", ""),
    "init.prompt_bidang": ("Bidang (kosongkan bila tidak ada)", "", "Division (empty if none)", ""),
    "init.prompt_alamat": ("Alamat kantor (jalan dan nomor, kota)", "", "Office address (street and number, town)", ""),
    "init.prompt_kota": ("Kota tempat surat ditandatangani", "", "Town letters are signed in", ""),
    "init.prompt_kode_pos": ("Kode pos", "", "Postcode", ""),
    "init.prompt_telepon": ("Telepon kantor", "", "Office phone", ""),
    "init.prompt_email": ("Surel kantor", "", "Office e-mail", ""),
    "init.prompt_laman": ("Laman (https://…)", "", "Website (https://…)", ""),
    "init.prompt_lambang": (
        "Berkas lambang daerah, PNG/JPEG (kosongkan bila belum ada)",
        "",
        "Regional emblem file, PNG/JPEG (empty if none yet)",
        "",
    ),
    "init.prompt_kepala_dinas": ("Jabatan Kepala Dinas di surat", "", "The head's title on letters", ""),
    "init.prompt_kode_unit": (
        "Kode unit di nomor surat (mis. DSP3A)",
        "",
        "Unit code in letter numbers (e.g. DSP3A)",
        "",
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
}
