package input

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// The reverse of ZendeskConditionCEL: the CEL a filter was translated to,
// read back into conditions for ExportZendesk. Only the forms the import
// writes are read; any other expression does not fit Zendesk's model.

// splitTop splits s at each sep outside quotes, parentheses and brackets.
func splitTop(s, sep string) []string {
	var parts []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\'':
			for i++; i < len(s) && s[i] != '\''; i++ {
				if s[i] == '\\' {
					i++
				}
			}
		case '(', '[':
			depth++
		case ')', ']':
			depth--
		default:
			if depth == 0 && strings.HasPrefix(s[i:], sep) {
				parts = append(parts, s[start:i])
				start = i + len(sep)
				i += len(sep) - 1
			}
		}
	}
	return append(parts, s[start:])
}

// wrapped returns s without the parentheses that enclose all of it.
func wrapped(s string) (string, bool) {
	if len(s) < 2 || s[0] != '(' || s[len(s)-1] != ')' {
		return "", false
	}
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\'':
			for i++; i < len(s) && s[i] != '\''; i++ {
				if s[i] == '\\' {
					i++
				}
			}
		case '(', '[':
			depth++
		case ')', ']':
			if depth--; depth == 0 && i < len(s)-1 {
				return "", false // the first parenthesis closes before the end
			}
		}
	}
	return s[1 : len(s)-1], depth == 0
}

// filterOfCEL reads a filter's CEL back into its all and any conditions.
func filterOfCEL(when string) (all, anyOf []ZendeskCondition, ok bool) {
	if when == "true" {
		return nil, nil, true
	}
	parts := splitTop(when, " && ")
	if last, isGroup := wrapped(parts[len(parts)-1]); isGroup {
		if alts := splitTop(last, " || "); len(alts) > 1 {
			for _, a := range alts {
				c, good := conditionOfCEL(a)
				if !good {
					return nil, nil, false
				}
				anyOf = append(anyOf, c)
			}
			parts = parts[:len(parts)-1]
		}
	}
	for _, p := range parts {
		c, good := conditionOfCEL(p)
		if !good {
			return nil, nil, false
		}
		all = append(all, c)
	}
	return all, anyOf, true
}

// conditionOfCEL reads one condition back, the inverse of
// ZendeskConditionCEL.
func conditionOfCEL(s string) (ZendeskCondition, bool) {
	var c ZendeskCondition
	negated := strings.HasPrefix(s, "!")
	inner, ok := wrapped(strings.TrimPrefix(s, "!"))
	if !ok {
		return c, false
	}
	halves := splitTop(inner, " && ")
	if len(halves) != 2 {
		return c, false
	}
	key, rest, ok := strings.Cut(halves[0], " in case.attrs")
	if !ok || rest != "" {
		return c, false
	}
	attr, ok := celUnquote(key)
	if !ok {
		return c, false
	}
	c.Field = attr
	if attr == "tags" {
		c.Field = "current_tags"
	}
	ref := "case.attrs[" + key + "]"
	if list, ok := strings.CutSuffix(halves[1], ".exists(v, v in "+ref+")"); ok {
		var vals []string
		l, isList := strings.CutPrefix(list, "[")
		l, isList2 := strings.CutSuffix(l, "]")
		if !isList || !isList2 {
			return c, false
		}
		for _, q := range splitTop(l, ", ") {
			v, good := celUnquote(q)
			if !good || strings.ContainsAny(v, " \t\n") || v == "" {
				return c, false
			}
			vals = append(vals, v)
		}
		c.Operator, c.Value = map[bool]string{false: "includes", true: "not_includes"}[negated], strings.Join(vals, " ")
		return c, true
	}
	cmp, ok := strings.CutPrefix(halves[1], ref+" ")
	if !ok {
		return c, false
	}
	op, lit, ok := strings.Cut(cmp, " ")
	if !ok {
		return c, false
	}
	ops := map[string]string{"==": "is", "<": "less_than", ">": "greater_than", "<=": "less_than_equal", ">=": "greater_than_equal"}
	if c.Operator, ok = ops[op]; !ok || negated && op != "==" {
		return c, false
	}
	if negated {
		c.Operator = "is_not"
	}
	c.Value, ok = literalOfCEL(lit)
	return c, ok
}

// literalOfCEL reads a literal celLiteral writes.
func literalOfCEL(s string) (any, bool) {
	switch {
	case s == "true" || s == "false":
		return s == "true", true
	case strings.HasPrefix(s, "'"):
		return celUnquote(s)
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return n, true
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && strings.ContainsAny(s, ".eE") {
		return f, true
	}
	return nil, false
}

// celUnquote reads a string celString writes.
func celUnquote(s string) (string, bool) {
	if len(s) < 2 || s[0] != '\'' || s[len(s)-1] != '\'' {
		return "", false
	}
	var b strings.Builder
	for i := 1; i < len(s)-1; i++ {
		c := s[i]
		switch {
		case c == '\'':
			return "", false
		case c != '\\':
			b.WriteByte(c)
		case i+1 < len(s)-1 && (s[i+1] == '\\' || s[i+1] == '\''):
			b.WriteByte(s[i+1])
			i++
		case i+5 < len(s)-1 && s[i+1] == 'u':
			n, err := strconv.ParseUint(s[i+2:i+6], 16, 32)
			if err != nil {
				return "", false
			}
			b.WriteRune(rune(n))
			i += 5
		default:
			return "", false
		}
	}
	return b.String(), utf8.ValidString(b.String())
}
