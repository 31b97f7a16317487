/** What GraphiQL opens with: the first steps of the README, ready to run. */
export const GRAPHIQL_DEFAULT_QUERY = `# Welcome to Keyward.
# 1. Sign in. The first start printed the password of admin@localhost once.
mutation Login {
  login(email: "admin@localhost", password: "paste the printed password") {
    token
  }
}

# 2. Put the token in the Headers tab: {"Authorization": "Bearer kws_…"}
# 3. Create a key. Copy \`secret\` now: it is never shown again.
mutation CreateKey {
  createApiKey(input: { name: "My first key", description: "from GraphiQL", access: READ_ONLY }) {
    secret
    apiKey { id lastFour status createdAt }
  }
}

# 4. The list an admin sees.
query Keys {
  apiKeys(first: 20) {
    totalCount
    edges { node { id name lastFour status createdAt createdBy lastUsedAt } }
  }
}
`;
