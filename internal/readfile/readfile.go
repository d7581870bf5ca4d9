// Package readfile reads the files tiercel is given (catalogs, test suites,
// CSV inputs) with the same two guards everywhere: only regular files are
// read, and no more than MaxSize bytes of them. A device such as /dev/zero, a
// FIFO with no writer or a directory is refused at once instead of filling
// memory or blocking forever.
package readfile

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"

	"github.com/tiercel/tiercel/fault"
)

// MaxSize is the largest file Read accepts: 16 MiB.
const MaxSize = 16 << 20

var (
	// ErrNotRegular is returned, wrapped with the file name, for a path
	// that is not a regular file (a device, a FIFO, a socket, a directory),
	// after following symbolic links.
	ErrNotRegular = fault.New(fault.BadInput, "not a regular file")
	// ErrTooLarge is returned, wrapped with the file name, for a file
	// larger than MaxSize.
	ErrTooLarge = fault.New(fault.Limit, "larger than the 16 MiB limit")
)

// Read returns the contents of the regular file at path. It opens the file
// without blocking (so a FIFO with no writer does not hang the open), checks
// the opened file's type, and reads at most MaxSize bytes: a file that is
// not regular is an error wrapping ErrNotRegular and a larger one an error
// wrapping ErrTooLarge, both reading "path: message".
func Read(path string) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: %w (%s)", path, ErrNotRegular, kind(st.Mode()))
	}
	if st.Size() > MaxSize {
		return nil, fmt.Errorf("%s: %w", path, ErrTooLarge)
	}
	// The size can change between Stat and the read, and some files report
	// none: read one byte past the limit to notice. The buffer starts at the
	// reported size, plus room to see the end.
	r := io.LimitReader(f, MaxSize+1)
	b := make([]byte, 0, max(st.Size()+1, 512))
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
	}
	if len(b) > MaxSize {
		return nil, fmt.Errorf("%s: %w", path, ErrTooLarge)
	}
	return b, nil
}

// kind names the type of a file that is not regular.
func kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a fifo"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a block device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	}
	return "an irregular file"
}
