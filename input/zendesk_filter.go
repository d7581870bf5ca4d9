package input

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/tiercel/tiercel/internal/yamlpos"
)

// zendeskFieldPattern is a field name a condition may key case.attrs by.
var zendeskFieldPattern = regexp.MustCompile(`^[a-z][a-z0-9_]{0,63}$`)

// zendeskAttr is the case.attrs key of a Zendesk field: the filter's
// current_tags are the ticket's tags; every other field keeps its name.
func zendeskAttr(field string) string {
	if field == "current_tags" {
		return "tags"
	}
	return field
}

// zendeskOperators are the operators a condition may use.
var zendeskOperators = []string{"is", "is_not", "less_than", "greater_than", "less_than_equal", "greater_than_equal", "includes", "not_includes"}

// decodeZendeskFilter reads a filter {all: [...], any: [...]} and its CEL:
// every all condition, and at least one any condition when there are any.
func decodeZendeskFilter(d *yamlpos.Decoder, f yamlpos.Field) (all, anyOf []ZendeskCondition, when string, ok bool) {
	ok = true
	var allCEL, anyCEL []string
	for _, x := range d.Mapping(f.Value, f.Path, nil) {
		if x.Key != "all" && x.Key != "any" {
			continue
		}
		for _, it := range d.List(x) {
			c, cel, good := decodeZendeskCondition(d, it)
			ok = ok && good
			if x.Key == "all" {
				all, allCEL = append(all, c), append(allCEL, cel)
			} else {
				anyOf, anyCEL = append(anyOf, c), append(anyCEL, cel)
			}
		}
	}
	return all, anyOf, zendeskWhen(allCEL, anyCEL), ok
}

// zendeskWhen joins the CEL of the all and any conditions.
func zendeskWhen(all, anyOf []string) string {
	parts := append([]string(nil), all...)
	if len(anyOf) == 1 {
		parts = append(parts, anyOf[0])
	} else if len(anyOf) > 1 {
		parts = append(parts, "("+strings.Join(anyOf, " || ")+")")
	}
	if len(parts) == 0 {
		return "true"
	}
	return strings.Join(parts, " && ")
}

// decodeZendeskCondition reads one condition and translates it.
func decodeZendeskCondition(d *yamlpos.Decoder, it yamlpos.Item) (ZendeskCondition, string, bool) {
	var c ZendeskCondition
	if it.Node == nil || it.Node.Kind != yaml.MappingNode {
		d.Fail(it.Node, it.Path, nil, "must be an object with field, operator and value, got %s", yamlpos.KindNameOr(it.Node))
		return c, "", false
	}
	fields := d.Mapping(it.Node, it.Path, nil)
	if !d.Require(it.Node, it.Path, fields, "field", "operator", "value") {
		return c, "", false
	}
	var valueAt yamlpos.Field
	ok := true
	for _, x := range fields {
		good := true
		switch x.Key {
		case "field":
			if c.Field, good = d.Str(x); good && !zendeskFieldPattern.MatchString(c.Field) {
				d.Fail(x.Value, x.Path, nil, "cannot translate the field %q: a field is lowercase letters, digits and '_'", c.Field)
				good = false
			}
		case "operator":
			if c.Operator, good = d.Str(x); good && !containsString(zendeskOperators, c.Operator) {
				d.Fail(x.Value, x.Path, nil, "cannot translate the operator %q (known: %s)", c.Operator, strings.Join(zendeskOperators, ", "))
				good = false
			}
		case "value":
			valueAt = x
			c.Value, good = scalarValue(d, x)
		}
		ok = ok && good
	}
	if !ok {
		return c, "", false
	}
	cel, msg := ZendeskConditionCEL(c)
	if msg != "" {
		d.Fail(valueAt.Value, valueAt.Path, nil, "cannot translate %s %s %s: %s", c.Field, c.Operator, celLiteral(c.Value), msg)
		return c, "", false
	}
	return c, cel, true
}

// scalarValue reads a condition's scalar value.
func scalarValue(d *yamlpos.Decoder, f yamlpos.Field) (any, bool) {
	n := f.Value
	if n == nil || n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		d.Fail(yamlpos.OrNode(n, f.KeyNode), f.Path, nil, "cannot translate a value that is %s: want a string, a number or a boolean", yamlpos.KindNameOr(n))
		return nil, false
	}
	switch n.Tag {
	case "!!int":
		if v, err := strconv.ParseInt(n.Value, 10, 64); err == nil {
			return v, true
		}
	case "!!float":
		if v, err := strconv.ParseFloat(n.Value, 64); err == nil {
			return v, true
		}
	case "!!bool":
		return n.Value == "true", true
	case "!!str":
		return n.Value, true
	}
	d.Fail(n, f.Path, nil, "cannot translate the value %s", n.Value)
	return nil, false
}

// ZendeskConditionCEL translates a condition to CEL over case.attrs, or
// says why it cannot: is and is_not compare (a string of digits is the
// number, as Zendesk's ids are), the order operators need a number,
// includes and not_includes take a space-separated list of values of which
// the attribute (a list, as the ticket's tags) holds at least one (none).
// An attribute the case lacks matches only the negated operators.
func ZendeskConditionCEL(c ZendeskCondition) (cel, why string) {
	key := celString(zendeskAttr(c.Field))
	has, attr := key+" in case.attrs", "case.attrs["+key+"]"
	lit := celLiteral(c.Value)
	switch c.Operator {
	case "is":
		return "(" + has + " && " + attr + " == " + lit + ")", ""
	case "is_not":
		return "!(" + has + " && " + attr + " == " + lit + ")", ""
	case "less_than", "greater_than", "less_than_equal", "greater_than_equal":
		if _, isStr := c.Value.(string); isStr && !digits(c.Value.(string)) {
			return "", "an order needs a number"
		}
		if _, isBool := c.Value.(bool); isBool {
			return "", "an order needs a number"
		}
		op := map[string]string{"less_than": "<", "greater_than": ">", "less_than_equal": "<=", "greater_than_equal": ">="}[c.Operator]
		return "(" + has + " && " + attr + " " + op + " " + lit + ")", ""
	case "includes", "not_includes":
		s, isStr := c.Value.(string)
		if !isStr || len(strings.Fields(s)) == 0 {
			return "", "includes takes a string of space-separated values"
		}
		vals := strings.Fields(s)
		for i, v := range vals {
			vals[i] = celString(v)
		}
		in := "(" + has + " && [" + strings.Join(vals, ", ") + "].exists(v, v in " + attr + "))"
		if c.Operator == "not_includes" {
			return "!" + in, ""
		}
		return in, ""
	}
	return "", "unknown operator"
}

// celLiteral writes a value as a CEL literal.
func celLiteral(v any) string {
	switch x := v.(type) {
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		s := strconv.FormatFloat(x, 'g', -1, 64)
		if !strings.ContainsAny(s, ".eE") && !strings.Contains(s, "Inf") && !strings.Contains(s, "NaN") {
			s += ".0"
		}
		return s
	case bool:
		return strconv.FormatBool(x)
	case string:
		if digits(x) && len(x) <= 18 {
			return strings.TrimLeft(x, "0") + map[bool]string{true: "0", false: ""}[strings.TrimLeft(x, "0") == ""]
		}
		return celString(x)
	}
	return "null"
}

// celString writes s as a single-quoted CEL string literal.
func celString(s string) string {
	var b strings.Builder
	b.WriteByte('\'')
	for _, r := range s {
		switch {
		case r == '\\' || r == '\'':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f || r == utf8.RuneError:
			fmt.Fprintf(&b, "\\u%04x", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('\'')
	return b.String()
}

// digits reports whether s is one or more ASCII digits.
func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
