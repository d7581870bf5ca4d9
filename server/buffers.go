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

// bufferPair is a request's two buffers, its body and its answer, pooled
// together: one Get and one Put a request.
type bufferPair struct{ in, out bytes.Buffer }

var buffers = sync.Pool{New: func() any { return new(bufferPair) }}

// getBuffers returns two empty buffers from the pool.
func getBuffers() *bufferPair { return buffers.Get().(*bufferPair) }

// putBuffers gives p back to the pool, emptied; a buffer of p that grew
// past maxPooledBuffer is dropped (left to the collector) and p holds an
// empty one instead. No one may use p's buffers, or bytes they returned,
// after.
func putBuffers(p *bufferPair) {
	for _, b := range []*bytes.Buffer{&p.in, &p.out} {
		if b.Cap() > maxPooledBuffer {
			*b = bytes.Buffer{}
		}
		b.Reset()
	}
	buffers.Put(p)
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
