// Brings the `expect(element).toBeAccessible()` matcher type of @sa11y/jest (registered in config/jest/setup-lwc.js).
import '@sa11y/jest';
