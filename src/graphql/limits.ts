import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Limits on the documents Keyward executes. They are calibrated on the operations a real
 * client sends: the largest, `apiKeys(first: 100)` with every ApiKey field, costs about
 * 6,500; the three lists at 100 with every field in one document about 14,700; GraphiQL's
 * introspection query is 184 tokens. Each limit leaves those room and refuses the abusive
 * shapes (deep nesting, alias and directive overloading, duplicated fields, huge documents,
 * circular introspection). test/limits.test.ts runs both sides.
 */
export const QUERY_LIMITS = {
  depth: 10,
  aliases: 15,
  directives: 5,
  tokens: 1000,
  fields: 250,
  cost: 20_000,
} as const;

// graphql-armor prefixes its refusals with "Syntax Error:", which reads as a parse
// failure. Ours carry the code of a document refused before execution instead, and are
// thrown out of validation: an abusive document gets that one error, not the limit's
// plus one per offending node from the other rules (ten unknown directives, …).
const CODE = 'GRAPHQL_VALIDATION_FAILED';

function limitError(message: string): GraphQLError {
  return new GraphQLError(message.replace(/^Syntax Error: /, ''), { extensions: { code: CODE } });
}

/** For graphql-armor's options: our error instead of theirs. */
const reject = {
  propagateOnRejection: false,
  onReject: [
    (_context: ValidationContext | null, error: GraphQLError) => {
      throw limitError(error.message);
    },
  ],
};

/**
 * Counts every field of an operation, fragments included once per spread. graphql-js
 * merges duplicated fields, but checking that they can merge is quadratic: 500 copies of
 * `__typename` cost the validator far more than they look.
 */
function maxFieldsRule(max: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      let fields = 0;
      const visit = (set: SelectionSetNode, fragments: Set<string>) => {
        for (const selection of set.selections) {
          if (fields > max) return;
          if (selection.kind === Kind.FIELD) {
            fields++;
            if (selection.selectionSet) visit(selection.selectionSet, fragments);
          } else if (selection.kind === Kind.INLINE_FRAGMENT) {
            visit(selection.selectionSet, fragments);
          } else if (!fragments.has(selection.name.value)) {
            const fragment = context.getFragment(selection.name.value);
            if (fragment) visit(fragment.selectionSet, new Set(fragments).add(selection.name.value));
          }
        }
      };
      visit(operation.selectionSet, new Set());
      if (fields > max) throw limitError(`Field limit of ${max} exceeded.`);
    },
  });
}

// The introspection fields that lead from a type to more types. Any real introspection
// query (GraphiQL's included) follows each at most once along a path; a "circular"
// query (`types { fields { type { fields { type … } } } }`) repeats them to multiply work.
const TYPE_EXPANDING = new Set(['fields', 'inputFields', 'interfaces', 'possibleTypes']);

function introspectionCycleRule(): ValidationRule {
  return (context): ASTVisitor => ({
    OperationDefinition(operation) {
      const visit = (set: SelectionSetNode, path: readonly string[], fragments: Set<string>): boolean => {
        for (const selection of set.selections) {
          if (selection.kind === Kind.FIELD) {
            const name = selection.name.value;
            if (TYPE_EXPANDING.has(name) && path.includes(name)) return false;
            if (selection.selectionSet && !visit(selection.selectionSet, [...path, name], fragments)) return false;
          } else if (selection.kind === Kind.INLINE_FRAGMENT) {
            if (!visit(selection.selectionSet, path, fragments)) return false;
          } else if (!fragments.has(selection.name.value)) {
            const fragment = context.getFragment(selection.name.value);
            if (fragment && !visit(fragment.selectionSet, path, new Set(fragments).add(selection.name.value))) return false;
          }
        }
        return true;
      };
      const introspecting = (set: SelectionSetNode) =>
        set.selections.filter((s) => s.kind === Kind.FIELD && (s.name.value === '__schema' || s.name.value === '__type'));
      for (const root of introspecting(operation.selectionSet)) {
        if (root.kind === Kind.FIELD && root.selectionSet && !visit(root.selectionSet, [], new Set())) {
          throw limitError('Introspection depth limit exceeded: a type-expanding field repeats along one path (circular introspection).');
        }
      }
    },
  });
}

function validationRules(rules: ValidationRule[]): Plugin {
  return {
    onValidate({ addValidationRule }) {
      for (const rule of rules) addValidationRule(rule);
    },
  };
}

/** The Yoga plugins that enforce QUERY_LIMITS; `suggestions: false` also hides "Did you mean …".
 *  (graphql-armor types its plugins for envelop's bare context, hence `any`.) */
export function queryLimitPlugins(options: { suggestions: boolean }): Plugin<any>[] {
  return [
    maxTokensPlugin({ n: QUERY_LIMITS.tokens, ...reject }),
    maxDepthPlugin({ n: QUERY_LIMITS.depth, ...reject }),
    // `allowList: []`: every alias counts, `__typename` ones included.
    maxAliasesPlugin({ n: QUERY_LIMITS.aliases, allowList: [], ...reject }),
    maxDirectivesPlugin({ n: QUERY_LIMITS.directives, ...reject }),
    costLimitPlugin({ maxCost: QUERY_LIMITS.cost, ...reject }),
    validationRules([maxFieldsRule(QUERY_LIMITS.fields), introspectionCycleRule()]),
    ...(options.suggestions ? [] : [blockFieldSuggestionsPlugin()]),
  ];
}
