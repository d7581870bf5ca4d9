package server

import (
	"bytes"
	"encoding/json"
	"sync"
)

// maxPooledBuffer is the largest buffer given back to the pool: a buffer
// a large body grew is left to the collector, so the pool holds no more
// than a few small buffers a handler.
const maxPooledBuffer = 64 << 10

var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// getBuffer returns an empty buffer from the pool.
func getBuffer() *bytes.Buffer { return buffers.Get().(*bytes.Buffer) }

// putBuffer gives b back to the pool, emptied, unless it grew past
// maxPooledBuffer. No one may use b, or bytes it returned, after.
func putBuffer(b *bytes.Buffer) {
	if b.Cap() > maxPooledBuffer {
		return
	}
	b.Reset()
	buffers.Put(b)
}

// encodeJSON appends v to buf as json.Marshal writes it (HTML characters
// escaped, no trailing newline), or leaves buf as it was and returns
// json.Marshal's error.
func encodeJSON(buf *bytes.Buffer, v any) error {
	n := buf.Len()
	if err := json.NewEncoder(buf).Encode(v); err != nil {
		buf.Truncate(n)
		return err
	}
	buf.Truncate(buf.Len() - 1) // Encode's newline
	return nil
}
