package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
)

// readBody reads the request body, at most limit bytes: a larger body is a
// 413, an unreadable one (a client that stops sending) a 400.
func readBody(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, error) {
	return readBodyTo(nil, w, r, limit)
}

// readBodyTo is readBody reading into buf, whose bytes the body is (valid
// until buf is used again), when the body says its length and it fits in
// a pooled buffer; a longer body, one of unknown length or a nil buf is
// read as io.ReadAll reads, which grows its slice more sparingly.
func readBodyTo(buf *bytes.Buffer, w http.ResponseWriter, r *http.Request, limit int64) ([]byte, error) {
	var body []byte
	var err error
	if n := r.ContentLength; buf != nil && n >= 0 && n <= maxPooledBuffer {
		buf.Grow(int(n) + bytes.MinRead) // ReadFrom then reads without growing
		_, err = buf.ReadFrom(http.MaxBytesReader(w, r.Body, limit))
		body = buf.Bytes()
	} else {
		body, err = io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	}
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		return nil, &httpError{status: http.StatusRequestEntityTooLarge, code: CodeTooLarge,
			err: fmt.Errorf("the request body is larger than the limit of %d bytes", limit)}
	case err != nil:
		return nil, badRequest("", "reading the request body: %v", err)
	}
	return body, nil
}

// decodeStrict decodes the JSON document body into v: one JSON value and
// nothing after it, every key known to v's type, every value of its type.
// Its errors are 400s that name the field at fault.
func decodeStrict(body []byte, v any) error {
	if len(bytes.TrimSpace(body)) == 0 {
		return badRequest("", "the request body is empty: a JSON object is expected")
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return jsonError(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return badRequest("", "the request body holds more than one JSON value")
	}
	return nil
}

// jsonError turns an error of encoding/json into a 400 naming the field.
func jsonError(err error) error {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		return badRequest("", "malformed JSON at byte %d: %v", syntax.Offset, err)
	case errors.As(err, &typ):
		return badRequest(typ.Field, "%s must be %s, not a JSON %s", fieldName(typ.Field), typeName(typ.Type.String()), typ.Value)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return badRequest("", "malformed JSON: the body ends inside a value")
	}
	if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		if u, uerr := strconv.Unquote(name); uerr == nil {
			name = u
		}
		return badRequest(name, "unknown field %q", name)
	}
	return badRequest("", "malformed JSON: %v", err)
}

func fieldName(f string) string {
	if f == "" {
		return "the body"
	}
	return f
}

// typeName says a Go type the way the API documents it.
func typeName(t string) string {
	switch {
	case t == "string":
		return "a string"
	case strings.HasPrefix(t, "[]"):
		return "an array"
	case strings.HasPrefix(t, "map["), strings.HasPrefix(t, "server."), strings.HasPrefix(t, "struct"):
		return "an object"
	case t == "bool":
		return "a boolean"
	}
	return "a " + t
}

// checkJSON returns a 400 unless doc is one well-formed JSON object: the
// documents of a body (a case, a contract) are read by tiercel's YAML
// readers, which would accept YAML that is not JSON.
func checkJSON(field string, doc []byte) error {
	doc = bytes.TrimSpace(doc)
	if len(doc) == 0 || doc[0] != '{' {
		return badRequest(field, "%s must be a JSON object", fieldName(field))
	}
	if !json.Valid(doc) {
		var v any
		return jsonError(json.Unmarshal(doc, &v))
	}
	return nil
}
