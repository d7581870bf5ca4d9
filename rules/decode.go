package rules

import "github.com/tiercel/tiercel/internal/yamlpos"

// decoder reads a catalog document: the positioned YAML decoder, with the
// catalog's readers as methods. Its errors wrap ErrInvalidCatalog.
// decoder reads one catalog file; metrics and tierKeys are the catalog's
// metrics and the keys of a tiers entry, known once every file's lifecycle
// section is read.
type decoder struct {
	*yamlpos.Decoder
	metrics  metricSet
	tierKeys []string
	// fromFile: the document was read from the file it is named after
	// (Load), so paths in it (a calendar's ics) resolve against its
	// directory; Compile's documents have none.
	fromFile bool
	// versions collects where each price version read is written, and its
	// bands, for Coverage; parseTier takes them after each price.
	versions []versionAt
}

func newDecoder(file string, src []byte) *decoder {
	return &decoder{Decoder: yamlpos.NewDecoder(file, src, ErrInvalidCatalog), metrics: builtinSet, tierKeys: tierKeys}
}

// parsed reads a non-empty scalar with parse and reports parse's error at
// the value's position.
func parsed[T any](d *decoder, f field, parse func(string) (T, error)) (T, bool) {
	return yamlpos.Parsed(d.Decoder, f, parse)
}

// validID reports whether s is an id: it matches ^[a-z0-9][a-z0-9_.-]*$,
// without a regexp, as every rule, tier and alias id is checked.
func validID(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case i > 0 && (c == '_' || c == '.' || c == '-'):
		default:
			return false
		}
	}
	return s != ""
}

func (d *decoder) checkID(f field, what string) bool {
	if !validID(f.Key) {
		d.Fail(f.KeyNode, f.Path, nil, "invalid %s id %q: use lowercase letters, digits, '-', '_' and '.'", what, f.Key)
		return false
	}
	return true
}

// parseEach parses every entry of a section and appends to out the
// definitions parse returns (it returns nil for an entry too broken to keep).
func parseEach[E, T any](out []*T, entries []E, parse func(E) *T) []*T {
	for _, e := range entries {
		if def := parse(e); def != nil {
			out = append(out, def)
		}
	}
	return out
}

type refDef struct {
	id string
	at pos
}

func (d *decoder) refs(f field) []refDef {
	var out []refDef
	for _, it := range d.List(f) {
		s, ok := d.Str(it.Field(f))
		if ok {
			out = append(out, refDef{id: s, at: d.At(it.Node, it.Path)})
		}
	}
	return out
}

// Short names for the positioned YAML values the catalog reads.
type (
	field = yamlpos.Field
	item  = yamlpos.Item
	pos   = yamlpos.Pos
)
