"""Messages of BagIt export and verification."""

ENTRIES: dict[str, tuple[str, str, str, str]] = {
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
        "checksum membuktikan isi bag tidak berubah sejak manifesnya dibuat, bukan siapa yang membuat atau "
        "menyetujuinya: tanda tangan persetujuan dibuktikan di repositori git kantor (sop-kit trail)",
        "VALID: the bag is complete ({files} payload files, {algorithms} checksums match) "
        "and its case passes sop-kit's check",
        "checksums prove the bag unchanged since its manifests were made, not who made or approved it: "
        "approval signatures are proven in the office's git repository (sop-kit trail)",
    ),
    "bag.invalid_verdict": (
        "TIDAK SAH: {problems} masalah (lihat di atas)",
        "",
        "NOT VALID: {problems} problem(s) (see above)",
        "",
    ),
}
