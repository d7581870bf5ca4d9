package server

import (
	"bytes"
	"encoding/json"
	"strconv"
	"time"

	"github.com/tiercel/tiercel/answer"
)

// encodeAnswer writes the decision {id, revision, result} to out as
// json.Marshal writes it, or returns json.Marshal's error and leaves out as
// it was. A deadline (and a status) is written without reflection.
func encodeAnswer(out *bytes.Buffer, id, revision string, result any) error {
	if d, ok := result.(answer.Deadline); ok {
		if b, err := appendDeadlineDecision(out.AvailableBuffer(), id, revision, &d); err == nil {
			_, _ = out.Write(b)
			return nil
		} // else json.Marshal says what cannot be written, in its words
	}
	return encodeJSON(out, answer.Decision{DecisionID: id, Revision: revision, Result: result})
}

// appendDeadlineDecision appends the JSON of a deadline or status decision
// byte for byte as json.Marshal writes answer.Decision{id, revision, d},
// without reflection: the service's hottest answer. It fails, with
// answer.Printable's error, for an instant RFC 3339 cannot write.
func appendDeadlineDecision(dst []byte, id, revision string, d *answer.Deadline) ([]byte, error) {
	dst = append(dst, `{"decisionId":`...)
	dst = appendJSONString(dst, id)
	dst = append(dst, `,"revision":`...)
	dst = appendJSONString(dst, revision)
	dst = append(dst, `,"result":{"tier":`...)
	dst = appendJSONString(dst, d.Tier)
	dst = append(dst, `,"priority":`...)
	dst = appendJSONString(dst, d.Priority)
	dst = append(dst, `,"opened":`...)
	dst, err := appendInstant(dst, d.Opened)
	if err != nil {
		return dst, err
	}
	if d.Zone != "" {
		dst = append(dst, `,"zone":`...)
		dst = appendJSONString(dst, d.Zone)
	}
	dst = append(dst, `,"due":`...)
	if dst, err = appendInstant(dst, d.Due); err != nil {
		return dst, err
	}
	dst = append(dst, `,"target":`...)
	if t := d.Target; t == nil {
		dst = append(dst, "null"...)
	} else {
		dst = append(dst, `{"within":`...)
		dst = appendDuration(dst, t.Within)
		dst = append(dst, `,"calendar":`...)
		dst = appendJSONString(dst, t.Calendar)
		dst = append(dst, `,"text":`...)
		dst = appendJSONString(dst, t.Text)
		dst = append(dst, '}')
	}
	dst = append(dst, `,"rule":`...)
	dst = appendJSONString(dst, d.Rule)
	if d.Status != nil {
		if dst, err = appendStatus(append(dst, `,"status":`...), d.Status); err != nil {
			return dst, err
		}
	}
	return append(dst, "}}"...), nil
}

func appendStatus(dst []byte, s *answer.Status) ([]byte, error) {
	dst = append(dst, `{"now":`...)
	dst, err := appendInstant(dst, s.Now)
	if err != nil {
		return dst, err
	}
	dst = append(dst, `,"elapsed":`...)
	dst = appendDuration(dst, s.Elapsed)
	dst = append(dst, `,"remaining":`...)
	dst = appendDuration(dst, s.Remaining)
	dst = append(dst, `,"breached":`...)
	dst = strconv.AppendBool(dst, s.Breached)
	dst = append(dst, `,"warnings":`...)
	if s.Warnings == nil {
		dst = append(dst, "null"...)
	} else {
		dst = append(dst, '[')
		for i, w := range s.Warnings {
			if i > 0 {
				dst = append(dst, ',')
			}
			if dst, err = appendInstant(dst, w); err != nil {
				return dst, err
			}
		}
		dst = append(dst, ']')
	}
	return append(dst, '}'), nil
}

func appendDuration(dst []byte, d answer.Duration) []byte {
	dst = append(dst, `{"seconds":`...)
	dst = strconv.AppendInt(dst, d.Seconds, 10)
	if d.Nanos != 0 {
		dst = append(dst, `,"nanos":`...)
		dst = strconv.AppendInt(dst, int64(d.Nanos), 10)
	}
	dst = append(dst, `,"text":`...)
	dst = appendJSONString(dst, d.Text)
	return append(dst, '}')
}

// appendInstant appends t as answer.Instant's MarshalJSON writes it.
func appendInstant(dst []byte, t answer.Instant) ([]byte, error) {
	if err := answer.Printable(t.Time); err != nil {
		return dst, err
	}
	dst = append(dst, '"')
	dst = t.AppendFormat(dst, time.RFC3339Nano)
	return append(dst, '"'), nil
}

// appendJSONString appends s as a JSON string as json.Marshal writes it:
// directly when every byte is printable ASCII that json.Marshal leaves
// as it is, else through json.Marshal itself.
func appendJSONString(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			b, _ := json.Marshal(s) // a string always marshals
			return append(dst, b...)
		}
	}
	dst = append(dst, '"')
	dst = append(dst, s...)
	return append(dst, '"')
}
