#!/usr/bin/env python3
"""Makes the Word and PDF fixtures of the accuracy test from the development-set texts, with
LibreOffice (apt-get install libreoffice-writer-nogui) and Chromium. Run again only to change
them:

    python3 scripts/fixtures.py

tests/data/docx/text/NAME.docx   the .txt opened and saved by LibreOffice: a paragraph a line
tests/data/docx/tables/NAME.docx the text as a web page whose tab-separated lines are tables,
                                 saved by LibreOffice: real Word tables (w:tbl), cells and all
tests/data/pdf/text/NAME.pdf     the .txt printed to PDF by LibreOffice
tests/data/pdf/tables/NAME.pdf   the Word file with tables printed to PDF by LibreOffice
tests/data/pdf/chromium/NAME.pdf the web page with tables printed to PDF by Chromium
tests/data/pdf/pack-300.pdf      every text ten times over, printed by LibreOffice: an agenda pack of
                                 300-odd pages for the benchmarks
tests/data/pdf/bad/protected.pdf a report saved by LibreOffice with an opening password
tests/data/pdf/bad/scan.pdf      a page that is only a picture, printed by Chromium
tests/data/pdf/bad/panics.pdf    (not made here) pdf/tables/000_05802d0420be5ec8.pdf with a few
                                 bytes changed, on which the PDF parser panics
"""
import base64
import glob
import html
import os
import struct
import zlib
import subprocess
import tempfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
DATA = os.path.join(ROOT, 'tests', 'data')


def as_web_page(text):
    """The text as HTML: runs of lines holding tabs become a table, other lines paragraphs."""
    out, rows = [], []

    def flush():
        if rows:
            width = max(len(r) for r in rows)
            out.append('<table border="1">' + ''.join(
                '<tr>' + ''.join(f'<td>{html.escape(c)}</td>' for c in r + [''] * (width - len(r))) + '</tr>'
                for r in rows) + '</table>')
            rows.clear()

    for line in text.split('\n'):
        if '\t' in line:
            rows.append(line.split('\t'))
            continue
        flush()
        out.append(f'<p>{html.escape(line)}</p>' if line.strip() else '<p></p>')
    flush()
    return '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>' + '\n'.join(out) + '</body></html>'


def convert(sources, outdir, infilter, to='docx:MS Word 2007 XML'):
    os.makedirs(outdir, exist_ok=True)
    infilter = [f'--infilter={infilter}'] if infilter else []
    subprocess.run(['soffice', '-env:UserInstallation=file:///tmp/report-explorer-lo', '--headless',
                    *infilter, '--convert-to', to, '--outdir', outdir, *sources],
                   check=True, stdout=subprocess.DEVNULL)


def print_with_chromium(page, pdf):
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(['chromium', '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
                        '--disable-background-networking', '--disable-component-update', '--disable-sync',
                        f'--user-data-dir={profile}', '--no-pdf-header-footer', f'--print-to-pdf={pdf}',
                        'file://' + page], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def picture_page():
    """A web page holding only a picture (stripes like lines of print), as a scan is."""
    w, h = 400, 120
    raw = b''.join(b'\0' + b''.join(b'\0\0\0' if (20 < y < 40 and (x // 8) % 3) or (60 < y < 80 and (x // 5) % 4)
                                   else b'\xff\xff\xff' for x in range(w)) for y in range(h))

    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data))
    png = (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0))
           + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b''))
    return f'<!DOCTYPE html><html><body><img src="data:image/png;base64,{base64.b64encode(png).decode()}"></body></html>'


def bad_files():
    bad = os.path.join(DATA, 'pdf', 'bad')
    with tempfile.TemporaryDirectory() as tmp:
        convert([os.path.join(DATA, 'seeds', '000_05802d0420be5ec8.txt')], tmp, 'Text (encoded):UTF8,LF,,,',
                'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
                '"DocumentOpenPassword":{"type":"string","value":"secret"}}')
        os.makedirs(bad, exist_ok=True)
        os.replace(os.path.join(tmp, '000_05802d0420be5ec8.pdf'), os.path.join(bad, 'protected.pdf'))
        page = os.path.join(tmp, 'scan.html')
        with open(page, 'w') as f:
            f.write(picture_page())
        print_with_chromium(page, os.path.join(bad, 'scan.pdf'))


def big_pack(texts):
    with tempfile.TemporaryDirectory() as tmp:
        pack = os.path.join(tmp, 'pack-300.txt')
        with open(pack, 'w', encoding='utf-8') as out:
            for _ in range(10):
                for path in texts:
                    with open(path, encoding='utf-8') as f:
                        out.write(f.read())
        convert([pack], os.path.join(DATA, 'pdf'), 'Text (encoded):UTF8,LF,,,', 'pdf:writer_pdf_Export')


def main():
    texts = sorted(glob.glob(os.path.join(DATA, 'real', '*.txt')) + glob.glob(os.path.join(DATA, 'seeds', '*.txt')))
    convert(texts, os.path.join(DATA, 'docx', 'text'), 'Text (encoded):UTF8,LF,,,')
    convert(texts, os.path.join(DATA, 'pdf', 'text'), 'Text (encoded):UTF8,LF,,,', 'pdf:writer_pdf_Export')
    with tempfile.TemporaryDirectory() as tmp:
        pages = []
        for path in texts:
            page = os.path.join(tmp, os.path.basename(path)[:-4] + '.html')
            with open(path, encoding='utf-8') as f, open(page, 'w', encoding='utf-8') as out:
                out.write(as_web_page(f.read()))
            pages.append(page)
        convert(pages, os.path.join(DATA, 'docx', 'tables'), 'HTML (StarWriter)')
        os.makedirs(os.path.join(DATA, 'pdf', 'chromium'), exist_ok=True)
        for page in pages:
            name = os.path.basename(page)[:-5]
            print_with_chromium(page, os.path.join(DATA, 'pdf', 'chromium', name + '.pdf'))
    tables = sorted(glob.glob(os.path.join(DATA, 'docx', 'tables', '*.docx')))
    convert(tables, os.path.join(DATA, 'pdf', 'tables'), None, 'pdf:writer_pdf_Export')
    bad_files()
    big_pack(texts)


if __name__ == '__main__':
    main()
