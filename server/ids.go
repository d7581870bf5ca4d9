package server

import (
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"net/http"
	"sync/atomic"
)

// idSource hands out decision ids: 16 hex digits, distinct for every
// decision of the process (a counter through a bijective 64-bit mix) and
// unlikely to repeat across processes (a random key at start). An id
// names a decision in answers and logs; it is not a secret, and it does
// not depend on the clock. Its methods are safe for concurrent use.
type idSource struct {
	key uint64
	n   atomic.Uint64
}

// decisionIDs is the process's source of decision ids, shared by every
// server so that two servers in one process never give the same id.
var decisionIDs = newIDSource()

func newIDSource() *idSource {
	var b [8]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on supported systems
	return &idSource{key: binary.LittleEndian.Uint64(b[:])}
}

// next returns a new id. key + n*odd is a bijection of n modulo 2^64 and
// splitmix64's finalizer is one too, so no two of 2^64 calls repeat.
func (s *idSource) next() string {
	x := s.key + s.n.Add(1)*0x9e3779b97f4a7c15
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	x ^= x >> 31
	var raw [8]byte
	var out [16]byte
	binary.BigEndian.PutUint64(raw[:], x)
	hex.Encode(out[:], raw[:])
	return string(out[:])
}

// decisionID returns the decision id of the request w answers, made at its
// first use and kept by the server's response writer, so that the
// decision names its answer with it and a recovered panic its 500. A
// writer that is not the server's (a handler called alone) gets a new id
// at every call.
func decisionID(w http.ResponseWriter) string {
	sw, ok := w.(*statusWriter)
	if !ok {
		return decisionIDs.next()
	}
	if sw.id == "" {
		sw.id = decisionIDs.next()
	}
	return sw.id
}
