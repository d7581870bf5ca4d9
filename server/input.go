package server

import (
	"github.com/tiercel/tiercel/input"
	"github.com/tiercel/tiercel/rules"
)

// parseCase reads the JSON case document doc, named name in error
// positions, with package input's reader of case files: its keys, its
// meaning of instants (in the case's zone), its positioned errors. With
// needNow (status, timeline) the document is a whole case file, now and
// events included; without (deadline, replay, allowed), it is a case
// without events whose now, when absent, is its opening.
func parseCase(name string, doc []byte, needNow bool) (*input.History, error) {
	if needNow {
		if err := checkJSON(name, doc); err != nil {
			return nil, err
		}
		return input.ParseCaseFile(name, doc)
	}
	c, err := parseOneCase(name, doc)
	if err != nil {
		return nil, err
	}
	now := c.Opened
	if c.Now != nil {
		now = *c.Now
	}
	return &input.History{Case: c, Now: now}, nil
}

// parseOneCase reads the JSON case document doc without events, as
// parseCase does: a document input.ParseJSONCase reads is JSON already;
// any other is checked to be JSON, then read by input.ParseCase, which
// says what is wrong with it.
func parseOneCase(name string, doc []byte) (rules.Case, error) {
	if c, ok := input.ParseJSONCase(doc); ok {
		return c, nil
	}
	if err := checkJSON(name, doc); err != nil {
		return rules.Case{}, err
	}
	return input.ParseCase(name, doc)
}

// parseContract reads the JSON contract document doc, named name in error
// positions, with package input's reader of contract files.
func parseContract(name string, doc []byte) (contractDoc, error) {
	if err := checkJSON(name, doc); err != nil {
		return contractDoc{}, err
	}
	c, err := input.ParseContract(name, doc)
	if err != nil {
		return contractDoc{}, err
	}
	loc, err := c.Location()
	return contractDoc{c, loc}, err
}
