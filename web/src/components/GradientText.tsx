import type { ReactNode } from 'react';
import { cn } from '../lib/cn';

interface GradientTextProps {
  children: ReactNode;
  className?: string;
  testId?: string;
}

export function GradientText({ children, className, testId }: GradientTextProps) {
  return (
    <span
      data-testid={testId}
      className={cn('bg-clip-text text-transparent', className)}
      style={{
        backgroundImage: 'linear-gradient(120deg, var(--primary-dark), var(--primary) 45%, var(--primary-light))',
      }}
    >
      {children}
    </span>
  );
}
