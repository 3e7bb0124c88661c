export type CommandAudience = "user" | "admin";

export interface DeclaredCommand {
  command: string;
  audience: CommandAudience;
  feature: string;
}

export interface DeclaredCallback {
  prefix: string;
  fields: readonly string[];
  /** the fixed values the payload accepts (enum members) */
  literals: string[];
  feature: string;
}

/** What the registry reads of a CallbackData. */
export interface CallbackFormat {
  readonly prefix: string;
  readonly fields: readonly string[];
  literals(): string[];
}

export interface FeatureDeclaration {
  /** commands everyone may use (the public ones are also the Telegram command menu) */
  user?: readonly string[];
  /** commands only admins reach; everyone else gets the ordinary "unknown command" reply */
  admin?: readonly string[];
  /** the callback data formats of the feature's buttons */
  callbacks?: readonly CallbackFormat[];
}

/**
 * What each feature answers to: its commands (for users or admins) and the prefixes of its buttons.
 * Features declare them when they are built; a command or prefix declared twice is a mistake that would
 * make one handler shadow another, so it stops the bot at start-up. Tests walk the registry to try every
 * admin command as a non-admin and to forge every callback format.
 */
export class CommandRegistry {
  private readonly commandsByName = new Map<string, DeclaredCommand>();
  private readonly callbacksByPrefix = new Map<string, DeclaredCallback>();

  declare(feature: string, declaration: FeatureDeclaration): void {
    const add = (audience: CommandAudience) => (command: string) => {
      const existing = this.commandsByName.get(command);
      if (existing) throw new Error(`command /${command} declared twice (${existing.feature} and ${feature})`);
      this.commandsByName.set(command, { command, audience, feature });
    };
    declaration.user?.forEach(add("user"));
    declaration.admin?.forEach(add("admin"));
    for (const callback of declaration.callbacks ?? []) {
      const existing = this.callbacksByPrefix.get(callback.prefix);
      if (existing) throw new Error(`callback prefix "${callback.prefix}" declared twice (${existing.feature} and ${feature})`);
      this.callbacksByPrefix.set(callback.prefix, { prefix: callback.prefix, fields: callback.fields, literals: callback.literals(), feature });
    }
  }

  commands(audience?: CommandAudience): DeclaredCommand[] {
    return [...this.commandsByName.values()].filter((c) => audience === undefined || c.audience === audience);
  }

  callbacks(): DeclaredCallback[] {
    return [...this.callbacksByPrefix.values()];
  }
}
