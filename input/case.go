package input

import (
	"slices"

	"github.com/tiercel/tiercel/internal/yamlpos"
	"github.com/tiercel/tiercel/rules"
)

// CaseKeys are the keys of a case alone: those of a case file but events.
var CaseKeys = slices.DeleteFunc(slices.Clone(CaseFileKeys), func(k string) bool { return k == "events" })

// ParseCase reads a case document src: a YAML (or JSON) mapping of
// CaseKeys, tier, priority and opened required, read as a case file's
// case is (instants in its zone). Its now is optional: a case without one
// is decided at its opening (rules.Case.Now zero). It is the body of the
// decision service's deadline question. Errors wrap ErrInvalidCaseFile,
// an ErrorList positioned in src; name is used in error positions.
//
// A JSON document is read first by a lean scanner straight into the case;
// on anything it is not sure of, the document is read again by the
// positioned path, which gives the same case or says what is wrong.
func ParseCase(name string, src []byte) (rules.Case, error) {
	if c, ok := parseCaseFast(src); ok {
		return c, nil
	}
	return parseCasePositioned(name, src)
}

// parseCasePositioned is ParseCase through yaml.v3's nodes and the
// positioned decoder: every document, and every error.
func parseCasePositioned(name string, src []byte) (rules.Case, error) {
	d := yamlpos.NewDecoder(name, src, ErrInvalidCaseFile)
	var c rules.Case
	if root := document(d, src); root != nil {
		if fields, ok := decodeQuestion(d, yamlpos.Field{KeyNode: root, Value: root}, CaseKeys, "tier", "priority", "opened"); ok {
			c, _, _ = DecodeCase(d, fields, nil)
		}
	}
	if err := d.Errors().Err(); err != nil {
		return rules.Case{}, err
	}
	return c, nil
}
