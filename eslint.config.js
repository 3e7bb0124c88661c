import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "src/generated/", "data/", "coverage/", "tests/artifacts/", "bench/results/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": "off",
    },
  },
  {
    files: ["src/domain/**/*.ts"],
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "no-restricted-imports": ["error", { patterns: ["grammy", "@grammyjs/*"] }],
    },
  },
  {
    // one way to build a feature's composer: BotComposer, whose filters cost nothing per update (src/bot/composer.ts)
    files: ["src/bot/**/*.ts"],
    ignores: ["src/bot/composer.ts"],
    rules: {
      "no-restricted-syntax": ["error", { selector: "NewExpression[callee.name='Composer']", message: "Use BotComposer (src/bot/composer.ts): grammY's Composer builds a new composer per update for every filter." }],
    },
  },
);
