#!/usr/bin/python3
"""A read-only FUSE file system whose reads hang on demand, like storage that stops answering.

    hang-fs.py BACKING MOUNTPOINT CONTROL

Serves the files of BACKING at MOUNTPOINT. While the file CONTROL exists, every
read waits (as a hard NFS mount does when its server is gone); removing CONTROL
lets the waiting reads finish. Each read that reaches the file system appends a
line to CONTROL.log, so tests can count reads stacked on a hanging volume.
direct_io keeps the kernel's page cache out: every read reaches this process.
"""
import errno
import os
import stat
import sys
import time

from fusepy import FUSE, FuseOSError, Operations


class HangFs(Operations):
    def __init__(self, backing, control):
        self.backing = backing
        self.control = control

    def _real(self, path):
        return os.path.join(self.backing, path.lstrip('/'))

    def getattr(self, path, fh=None):
        if path == '/':
            return {'st_mode': stat.S_IFDIR | 0o755, 'st_nlink': 2}
        try:
            st = os.stat(self._real(path))
        except FileNotFoundError:
            raise FuseOSError(errno.ENOENT)
        return {'st_mode': stat.S_IFREG | 0o444, 'st_nlink': 1, 'st_size': st.st_size,
                'st_mtime': st.st_mtime, 'st_ctime': st.st_ctime, 'st_atime': st.st_atime}

    def readdir(self, path, fh):
        return ['.', '..'] + os.listdir(self.backing)

    def open(self, path, flags):
        if flags & (os.O_WRONLY | os.O_RDWR):
            raise FuseOSError(errno.EROFS)
        return 0

    def read(self, path, size, offset, fh):
        with open(self.control + '.log', 'a') as log:
            log.write(f'{path} {offset} {size}\n')
        while os.path.exists(self.control):
            time.sleep(0.02)
        with open(self._real(path), 'rb') as f:
            f.seek(offset)
            return f.read(size)


if __name__ == '__main__':
    backing, mountpoint, control = sys.argv[1:4]
    FUSE(HangFs(backing, control), mountpoint, foreground=True, nothreads=False, ro=True, direct_io=True)
