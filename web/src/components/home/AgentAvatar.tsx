import { Bot } from 'lucide-react';
import { useState } from 'react';
import { assetUrl } from '../../lib/api';
import { cn } from '../../lib/cn';

interface AgentAvatarProps {
  avatar?: string | null;
  label: string;
  size?: 'sm' | 'md' | 'lg';
}

const BOX = { sm: 'h-8 w-8', md: 'h-12 w-12', lg: 'h-16 w-16' } as const;
const ICON = { sm: 'h-4 w-4', md: 'h-6 w-6', lg: 'h-8 w-8' } as const;

export function AgentAvatar({ avatar, label, size = 'md' }: AgentAvatarProps) {
  const [failed, setFailed] = useState(false);
  const src = assetUrl(avatar);
  const box = BOX[size];
  if (src && !failed) {
    return (
      <img
        src={src}
        alt={`${label} avatar`}
        onError={() => setFailed(true)}
        className={cn(box, 'shrink-0 rounded-full border-2 border-white object-cover shadow-card')}
      />
    );
  }
  return (
    <span
      className={cn(box, 'flex shrink-0 items-center justify-center rounded-full bg-primary-pale text-primary-dark')}
      aria-hidden="true"
    >
      <Bot className={ICON[size]} />
    </span>
  );
}
