package server

import (
	"bytes"
	"encoding/json"

	"github.com/tiercel/tiercel/suite"
)

// caseFile is a case and its events read from a request: the document of
// a case file, with its keys (tier, priority, opened, zone, language,
// account, country, attrs, now, events) and meaning.
type caseFile = suite.History

// parseCase reads the JSON case document doc, named name in error
// positions, with the reader of case files. A case without now is decided
// at its opening (needNow false: deadline, replay, allowed); needNow
// refuses it (status, timeline).
func parseCase(name string, doc []byte, needNow bool) (*caseFile, error) {
	if err := checkJSON(name, doc); err != nil {
		return nil, err
	}
	if !needNow {
		doc = nowAtOpening(doc)
	}
	return suite.ParseHistory(name, doc)
}

// nowAtOpening returns doc with "now" set to its "opened" when it has
// none: the instant of a decision defaults to the case's opening.
func nowAtOpening(doc []byte) []byte {
	var m map[string]json.RawMessage
	if json.Unmarshal(doc, &m) != nil {
		return doc
	}
	if _, ok := m["now"]; ok {
		return doc
	}
	opened, ok := m["opened"]
	if !ok || len(opened) == 0 || opened[0] != '"' { // the reader says what is wrong with it
		return doc
	}
	m["now"] = opened
	b, err := json.Marshal(m)
	if err != nil {
		return doc
	}
	return bytes.TrimSpace(b)
}
