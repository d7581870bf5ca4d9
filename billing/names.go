package billing

import (
	"fmt"
	"strings"
)

// The small enumerations of the package ([Proration], [Model]) are uint8
// values named by a table of strings indexed by value; these helpers give
// them their String, parser and text marshalling.

// parseName returns the value named s in names; what names the enumeration
// in the error.
func parseName[T ~uint8](what string, names []string, s string) (T, error) {
	for i, n := range names {
		if s == n {
			return T(i), nil
		}
	}
	return 0, fmt.Errorf("unknown %s %q (want %s)", what, s, oneOf(names))
}

// oneOf lists names as "a, b or c".
func oneOf(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// nameOf returns the name of v, or typ(v) for a value outside names.
func nameOf[T ~uint8](typ string, names []string, v T) string {
	if int(v) < len(names) {
		return names[v]
	}
	return fmt.Sprintf("%s(%d)", typ, uint8(v))
}

// marshalName returns the name of v as text, and an error for a value
// outside names; what names the enumeration in the error.
func marshalName[T ~uint8](what string, names []string, v T) ([]byte, error) {
	if int(v) >= len(names) {
		return nil, fmt.Errorf("unknown %s %d", what, uint8(v))
	}
	return []byte(names[v]), nil
}

// unmarshalName sets *v to the value named text; on error *v is unchanged.
func unmarshalName[T ~uint8](what string, names []string, v *T, text []byte) error {
	x, err := parseName[T](what, names, string(text))
	if err != nil {
		return err
	}
	*v = x
	return nil
}
